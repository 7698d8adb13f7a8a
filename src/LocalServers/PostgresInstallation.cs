using System.Globalization;
using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>
/// The PostgreSQL server binaries installed on this machine, newest major first: used by the tests' throwaway
/// servers and by the AppHost when it runs PostgreSQL as an executable.
/// </summary>
public sealed partial class PostgresInstallation
{
    /// <summary>PostgreSQL refuses to run as root: when this process is root, the server runs as this OS user.</summary>
    public const string OsUser = "postgres";

    private const string InstallCommand = "apt-get install -y postgresql";
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromSeconds(60);

    private PostgresInstallation(string binDirectory, int majorVersion)
    {
        BinDirectory = binDirectory;
        MajorVersion = majorVersion;
    }

    public string BinDirectory { get; }

    public int MajorVersion { get; }

    public string PostgresExecutable => Path.Combine(BinDirectory, "postgres");

    /// <summary>Finds <c>initdb</c> and <c>postgres</c>; throws with the install command when they are missing.</summary>
    public static PostgresInstallation Find()
    {
        var initDb = ServerBinary.Find(["initdb"], InstalledMajorVersionBinDirectories(), InstallCommand);
        var binDirectory = Path.GetDirectoryName(initDb)!;
        var postgres = ServerBinary.Find(["postgres"], [binDirectory], InstallCommand);
        var version = ServerBinary.ReadVersion(postgres);
        var major = MajorVersionPattern().Match(version);
        if (!major.Success)
        {
            throw new InvalidOperationException($"Could not read the PostgreSQL version from '{postgres} --version': {version}");
        }

        return new PostgresInstallation(binDirectory, int.Parse(major.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Creates a data directory at <paramref name="dataPath"/> (which must not exist yet, in a directory the
    /// server's OS user may write) with a password-protected superuser.
    /// </summary>
    public async Task InitializeDataDirectoryAsync(string dataPath, string superUser, string password, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(dataPath))!;
        var passwordFile = Path.Combine(parent, $".initdb-password-{Guid.NewGuid():N}");
        await PrivateFile.WriteAllTextAsync(passwordFile, password, cancellationToken);
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await new CommandLine("chown", ["-R", $"{OsUser}:{OsUser}", parent])
                    .RunAsync("chown of the PostgreSQL directory", TimeSpan.FromSeconds(30), cancellationToken);
            }

            await CommandLine.AsUserWhenRoot(
                    OsUser,
                    Path.Combine(BinDirectory, "initdb"),
                    "-D", dataPath,
                    "-U", superUser,
                    $"--pwfile={passwordFile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                    "--no-instructions")
                .RunAsync("initdb", InitDbTimeout, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>Debian and Ubuntu keep the server binaries off PATH, one folder per major: newest first.</summary>
    private static IEnumerable<string> InstalledMajorVersionBinDirectories() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(major => Path.Combine(major, "bin"))
                .Where(Directory.Exists)
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
            : [];

    [GeneratedRegex(@"\(PostgreSQL\) (\d+)")]
    private static partial Regex MajorVersionPattern();
}
