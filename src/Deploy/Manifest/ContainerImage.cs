namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>
/// A container image reference split into its repository without registry (<c>library/</c> removed, so
/// <c>docker.io/library/postgres:17.6</c> is <c>postgres</c>) and its tag.
/// </summary>
internal sealed record ContainerImage(string Reference, string Repository, string? Tag)
{
    public static ContainerImage Parse(string reference)
    {
        var withoutDigest = reference.Split('@')[0];
        var lastSlash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        string? tag = null;
        var name = withoutDigest;
        if (colon > lastSlash)
        {
            tag = withoutDigest[(colon + 1)..];
            name = withoutDigest[..colon];
        }

        var segments = name.Split('/').ToList();
        if (segments.Count > 1 && (segments[0].Contains('.', StringComparison.Ordinal) || segments[0].Contains(':', StringComparison.Ordinal) || segments[0] == "localhost"))
        {
            segments.RemoveAt(0);
        }

        if (segments.Count > 1 && segments[0] == "library")
        {
            segments.RemoveAt(0);
        }

        return new ContainerImage(reference, string.Join('/', segments), tag);
    }

    /// <summary>The Docker Hub image <paramref name="repository"/>, directly or through a mirror path ending in it.</summary>
    public bool Is(string repository) =>
        Repository == repository || Repository.EndsWith("/" + repository, StringComparison.Ordinal);

    /// <summary>Leading number of the tag: 17 for <c>17.6</c>, <c>17</c> or <c>17-alpine</c>.</summary>
    public int? TagMajorVersion()
    {
        if (Tag is null)
        {
            return null;
        }

        var digits = new string(Tag.TakeWhile(char.IsAsciiDigit).ToArray());
        return digits.Length is > 0 and < 6 ? int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) : null;
    }
}
