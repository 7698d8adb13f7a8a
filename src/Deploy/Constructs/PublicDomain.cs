using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.Route53;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record PublicDomainProps(DomainSettings Domain);

/// <summary>The public zone (created, or imported by ID) and a DNS-validated wildcard certificate for it.</summary>
public sealed class PublicDomain : Construct
{
    public const string ZoneLogicalId = "HostedZone";
    public const string CertificateLogicalId = "WildcardCertificate";

    public PublicDomain(Construct scope, string id, PublicDomainProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var zoneName = props.Domain.ZoneName;
        if (props.Domain.ExistingHostedZoneId is { } zoneId)
        {
            Zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes
            {
                HostedZoneId = zoneId,
                ZoneName = zoneName,
            });
        }
        else
        {
            var zone = new PublicHostedZone(this, "Zone", new PublicHostedZoneProps { ZoneName = zoneName });
            StableIds.Pin(zone, ZoneLogicalId);
            Zone = zone;
        }

        var certificate = new Certificate(this, "Certificate", new CertificateProps
        {
            DomainName = $"*.{zoneName}",
            SubjectAlternativeNames = new[] { zoneName },
            Validation = CertificateValidation.FromDns(Zone),
        });
        StableIds.Pin(certificate, CertificateLogicalId);
        Certificate = certificate;
    }

    public IHostedZone Zone { get; }

    public ICertificate Certificate { get; }
}
