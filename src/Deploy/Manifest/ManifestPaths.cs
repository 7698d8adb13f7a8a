namespace AppDelivery.Aspire.Deploy.Manifest;

internal static class ManifestPaths
{
    /// <summary><c>resources.api.env.HTTP_PORTS</c>, or the bare field for file-level problems.</summary>
    public static string Of(string? resource, string field) =>
        resource is null ? field : field.Length == 0 ? $"resources.{resource}" : $"resources.{resource}.{field}";
}
