using System.Globalization;

namespace AppDelivery.Aspire.AppHost.LocalServers;

internal static class ImageTag
{
    /// <summary>The major version of an image tag such as <c>17.6</c> or <c>8.1</c>.</summary>
    public static int MajorVersion(string tag) => int.Parse(tag.Split('.')[0], CultureInfo.InvariantCulture);
}
