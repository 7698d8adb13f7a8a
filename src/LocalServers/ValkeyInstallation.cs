using System.Globalization;
using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>The Valkey server binary installed on this machine (Redis 7 as a fallback: same protocol).</summary>
public sealed partial class ValkeyInstallation
{
    private const string InstallCommand =
        "apt-get install -y valkey-server (Debian 12: from bookworm-backports, see .ci/run) or apt-get install -y redis-server";

    private ValkeyInstallation(string serverExecutable, string version)
    {
        ServerExecutable = serverExecutable;
        Version = version;
    }

    public string ServerExecutable { get; }

    /// <summary>What <c>--version</c> says, e.g. <c>Valkey server v=8.0.1 …</c>.</summary>
    public string Version { get; }

    /// <summary>The major version, when the server is Valkey (null for Redis).</summary>
    public int? ValkeyMajorVersion =>
        ValkeyVersionPattern().Match(Version) is { Success: true } match
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : null;

    /// <summary>The path of <c>valkey-server</c> (else <c>redis-server</c>); throws with the install command when neither is installed.</summary>
    public static string FindServer() => ServerBinary.Find(["valkey-server", "redis-server"], [], InstallCommand);

    /// <summary>The server and its version (<c>--version</c> answers in milliseconds).</summary>
    public static ValkeyInstallation Find()
    {
        var server = FindServer();
        return new ValkeyInstallation(server, ServerBinary.ReadVersion(server));
    }

    [GeneratedRegex(@"^Valkey server v=(\d+)")]
    private static partial Regex ValkeyVersionPattern();
}
