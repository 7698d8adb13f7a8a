namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>Optional public DNS: a Route 53 zone and a wildcard certificate, both in the base stack.</summary>
/// <param name="ZoneName">E.g. <c>example.com</c>; environments get <c>{hostname}.example.com</c>.</param>
/// <param name="ExistingHostedZoneId">Import this zone instead of creating one.</param>
public sealed record DomainSettings(string ZoneName, string? ExistingHostedZoneId);
