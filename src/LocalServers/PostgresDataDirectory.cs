namespace AppDelivery.Aspire.LocalServers;

/// <summary>
/// A fresh temporary directory holding an initdb-created PostgreSQL data directory and the server's unix socket,
/// owned by the <c>postgres</c> OS user when this process is root.
/// </summary>
internal sealed class PostgresDataDirectory
{
    internal const string DirectoryPrefix = "localservers-postgres-";

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

    public static async Task<PostgresDataDirectory> CreateAsync(string superUser, string password, CancellationToken cancellationToken)
    {
        var installation = PostgresInstallation.Find();
        DeleteAbandoned();
        var root = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        var directory = new PostgresDataDirectory(root, installation.BinDirectory);
        try
        {
            await installation.InitializeDataDirectoryAsync(directory.DataPath, superUser, password, cancellationToken);
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
