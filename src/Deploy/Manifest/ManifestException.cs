namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>
/// A manifest the reader cannot turn into AWS: names the file and, as a JSON path, the resource and field
/// (<c>resources.rabbitmq.image</c>), or the line of a JSON syntax error.
/// </summary>
public sealed class ManifestException : InputException
{
    public ManifestException(string file, string? resource, string field, string detail)
        : base(file, ManifestPaths.Of(resource, field), detail)
    {
        Resource = resource;
    }

    public ManifestException(string file, string? resource, string field, string detail, Exception innerException)
        : base(file, ManifestPaths.Of(resource, field), detail, innerException)
    {
        Resource = resource;
    }

    /// <summary>The resource at fault; null for file-level errors.</summary>
    public string? Resource { get; }
}
