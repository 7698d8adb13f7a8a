using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>A reference with no AWS equivalent: the variable holding it is dropped with a warning giving the reason.</summary>
internal sealed record DroppedValue(string Reason) : EnvValue;
