namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>Something the reader dropped or mapped differently; the CLI prints each one.</summary>
/// <param name="Field">JSON path, e.g. <c>resources.api.env.CACHE_PASSWORD</c>.</param>
public sealed record ManifestWarning(string File, string Field, string Message)
{
    public override string ToString() => $"{File}: {Field}: {Message}";
}
