using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>The application model read from a manifest, and what the reader dropped on the way.</summary>
public sealed record ManifestReadResult(ApplicationModel Model, IReadOnlyList<ManifestWarning> Warnings);
