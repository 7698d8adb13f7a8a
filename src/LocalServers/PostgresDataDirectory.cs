namespace AppDelivery.Aspire.LocalServers;

/// <summary>
/// A fresh temporary directory holding an initdb-created PostgreSQL data directory and the server's unix socket,
/// owned by the <c>postgres</c> OS user when this process is root.
/// </summary>
internal sealed class PostgresDataDirectory
{
    public const string OsUser = "postgres";
    private const string InstallCommand = "apt-get install -y postgresql";
    private const string DirectoryPrefix = "appdelivery-postgres-";
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Older than any test run: a directory this old without a running server was left by a killed test host.</summary>
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private PostgresDataDirectory(string root, string binDirectory)
    {
        Root = root;
        BinDirectory = binDirectory;
    }

    /// <summary>The temporary directory; also the unix socket directory (<c>-k</c>).</summary>
    public string Root { get; }

    public string DataPath => Path.Combine(Root, "data");

    public string BinDirectory { get; }

    /// <summary>Debian and Ubuntu keep the server binaries off PATH, one folder per major: newest first.</summary>
    private static IEnumerable<string> InstalledMajorVersionBinDirectories() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(major => Path.Combine(major, "bin"))
                .Where(Directory.Exists)
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
            : [];

    public static async Task<PostgresDataDirectory> CreateAsync(string superUser, string password, CancellationToken cancellationToken)
    {
        var initDb = ServerBinary.Find(["initdb"], InstalledMajorVersionBinDirectories(), InstallCommand);
        var binDirectory = Path.GetDirectoryName(initDb)!;
        ServerBinary.Find(["postgres"], [binDirectory], InstallCommand);

        DeleteAbandoned();
        var root = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        var directory = new PostgresDataDirectory(root, binDirectory);
        try
        {
            var passwordFile = Path.Combine(root, "superuser-password");
            // The temporary directory is private (mode 700), so the file needs no mode of its own.
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            if (Environment.IsPrivilegedProcess)
            {
                await new CommandLine("chown", ["-R", $"{OsUser}:{OsUser}", root])
                    .RunAsync("chown of the PostgreSQL directory", TimeSpan.FromSeconds(30), cancellationToken);
            }

            await CommandLine.AsUserWhenRoot(
                    OsUser,
                    initDb,
                    "-D", directory.DataPath,
                    "-U", superUser,
                    $"--pwfile={passwordFile}",
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                    "--no-instructions")
                .RunAsync("initdb", InitDbTimeout, cancellationToken);
            File.Delete(passwordFile);
            return directory;
        }
        catch
        {
            directory.Delete();
            throw;
        }
    }

    public string PostgresExecutable => Path.Combine(BinDirectory, "postgres");

    /// <summary>The postmaster's process id, from <c>postmaster.pid</c>; null when the server is not running.</summary>
    public int? ReadPostmasterProcessId()
    {
        var pidFile = Path.Combine(DataPath, "postmaster.pid");
        try
        {
            var firstLine = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(firstLine, out var processId) ? processId : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void DeleteAbandoned()
    {
        foreach (var path in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var candidate = new PostgresDataDirectory(path, binDirectory: string.Empty);
            var running = candidate.ReadPostmasterProcessId() is { } processId && Directory.Exists($"/proc/{processId}");
            if (!running && Directory.GetLastWriteTimeUtc(path) < DateTime.UtcNow - AbandonedAfter)
            {
                try
                {
                    candidate.Delete();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Best effort: another test host may be deleting it at the same time.
                }
            }
        }
    }

    public void Delete()
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Root))
                {
                    Directory.Delete(Root, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < attempts)
            {
                // A server that just exited may still be removing its socket or pid file.
                Thread.Sleep(100);
            }
        }
    }
}
