using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Npgsql;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>
/// A throwaway PostgreSQL server: the one named by <c>TEST_POSTGRES_CONNECTION_STRING</c>, or a fresh PostgreSQL 15
/// process on a free 127.0.0.1 port with a generated superuser password (no Docker needed).
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private const int DefaultMaxConnections = 200;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    private readonly PostgresDataDirectory? _directory;
    private readonly NpgsqlConnectionStringBuilder _server;
    private readonly List<string> _externalDatabases = [];
    private readonly int _maxConnections;
    private ServerProcess? _process;

    private PostgresServer(NpgsqlConnectionStringBuilder server, PostgresDataDirectory? directory, int maxConnections = DefaultMaxConnections)
    {
        _server = server;
        _directory = directory;
        _maxConnections = maxConnections;
    }

    /// <summary>Connection string to the server's <c>postgres</c> database as a superuser.</summary>
    public string ConnectionString => _server.ConnectionString;

    /// <summary>True when the server comes from <c>TEST_POSTGRES_CONNECTION_STRING</c> and cannot be stopped.</summary>
    public bool IsExternal => _directory is null;

    /// <summary>Uses <c>TEST_POSTGRES_CONNECTION_STRING</c> when set, otherwise starts a local process.</summary>
    public static Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default) =>
        EnvironmentVariables.Read(EnvironmentVariables.Postgres) is { } external
            ? Task.FromResult(new PostgresServer(new NpgsqlConnectionStringBuilder(external), directory: null))
            : StartProcessAsync(cancellationToken);

    /// <summary>Always starts a local process (for tests that stop and restart the server).</summary>
    public static Task<PostgresServer> StartProcessAsync(CancellationToken cancellationToken = default) =>
        StartProcessAsync(DefaultMaxConnections, cancellationToken);

    /// <summary>
    /// Always starts a local process that accepts at most <paramref name="maxConnections"/> connections (for tests
    /// that exhaust them; superusers included, so the last ones are refused with 53300 too many clients).
    /// </summary>
    public static async Task<PostgresServer> StartProcessAsync(int maxConnections, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 5);
        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var directory = await PostgresDataDirectory.CreateAsync(SuperUser, password, cancellationToken);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Username = SuperUser,
            Password = password,
            Database = "postgres",
        };
        var server = new PostgresServer(builder, directory, maxConnections);
        try
        {
            await PortRace.LaunchAsync(() => builder.Port = FreePort.Find(), () => server.LaunchAsync(cancellationToken));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    /// <param name="name">Lower-case identifier; a unique name when null.</param>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= $"test_{Guid.NewGuid():N}";
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException("Use 1-63 lower-case letters, digits and underscores, starting with a letter or underscore.", nameof(name));
        }

        await using (var connection = await OpenAdminConnectionAsync(CancellationToken.None))
        await using (var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        if (IsExternal)
        {
            lock (_externalDatabases)
            {
                _externalDatabases.Add(name);
            }
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Shuts the server down (fast mode), keeping its data; <see cref="RestartAsync"/> brings it back.</summary>
    public async Task StopAsync()
    {
        var process = RequireLocal().Process;
        if (process is null)
        {
            return;
        }

        if (_directory!.ReadPostmasterProcessId() is { } postmaster && !process.HasExited)
        {
            PosixSignal.TrySend(postmaster, PosixSignal.Interrupt);
        }

        if (!await process.WaitForExitAsync(ShutdownTimeout))
        {
            await process.KillAsync(ShutdownTimeout);
        }

        process.Dispose();
        _process = null;
    }

    /// <summary>Starts the stopped server again on the same port with the same data and password.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await LaunchAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            await DropExternalDatabasesAsync();
            return;
        }

        if (_process is { } process)
        {
            if (!process.HasExited && _directory.ReadPostmasterProcessId() is { } postmaster)
            {
                // Immediate shutdown: the data is deleted next, so nothing needs to be written.
                PosixSignal.TrySend(postmaster, PosixSignal.Quit);
            }

            if (!await process.WaitForExitAsync(ShutdownTimeout))
            {
                await process.KillAsync(ShutdownTimeout);
            }

            process.Dispose();
            _process = null;
        }

        _directory.Delete();
    }

    private (PostgresDataDirectory Directory, ServerProcess? Process) RequireLocal() =>
        _directory is null
            ? throw new NotSupportedException(
                $"This server comes from {EnvironmentVariables.Postgres} and cannot be stopped; use {nameof(StartProcessAsync)}.")
            : (_directory, _process);

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var directory = RequireLocal().Directory;
        var command = CommandLine.AsUserWhenRoot(
            PostgresInstallation.OsUser,
            directory.PostgresExecutable,
            "-D", directory.DataPath,
            "-p", _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", directory.Root,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            "-c", "shared_buffers=32MB",
            "-c", $"max_connections={_maxConnections.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        var process = ServerProcess.Start(command, $"PostgreSQL on port {_server.Port}");
        _process = process;
        try
        {
            await Retry.UntilAsync(
                async token =>
                {
                    await using var connection = await OpenAdminConnectionAsync(token);
                    return true;
                },
                abort: () =>
                {
                    if (process.HasExited)
                    {
                        throw process.Failure("exited during startup");
                    }
                },
                StartupTimeout,
                lastError => process.Failure($"did not accept connections within {StartupTimeout} ({lastError?.Message})"),
                cancellationToken);
        }
        catch
        {
            if (!process.HasExited)
            {
                await process.KillAsync(ShutdownTimeout);
            }

            process.Dispose();
            _process = null;
            throw;
        }
    }

    private async Task<NpgsqlConnection> OpenAdminConnectionAsync(CancellationToken cancellationToken)
    {
        // Unpooled: pooled connections would break when the server restarts and would keep databases in use.
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 5 };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task DropExternalDatabasesAsync()
    {
        string[] names;
        lock (_externalDatabases)
        {
            names = [.. _externalDatabases];
            _externalDatabases.Clear();
        }

        if (names.Length == 0)
        {
            return;
        }

        await using var connection = await OpenAdminConnectionAsync(CancellationToken.None);
        foreach (var name in names)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
