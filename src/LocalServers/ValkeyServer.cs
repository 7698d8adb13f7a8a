using System.Globalization;
using System.Security.Cryptography;
using StackExchange.Redis;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>
/// A throwaway Valkey server (Redis as a fallback): the one named by <c>TEST_VALKEY_CONNECTION_STRING</c>, or a fresh
/// process on a free 127.0.0.1 port with a generated password and no persistence.
/// </summary>
public sealed class ValkeyServer : IAsyncDisposable
{
    private const int ClusterBusPortOffset = 10000;
    private const int MaxClusterPort = 65535 - ClusterBusPortOffset;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly string? _directory;
    private readonly string? _executable;
    private readonly string? _password;
    private ServerProcess? _process;

    private ValkeyServer(string connectionString, ValkeyOptions options)
    {
        ConnectionString = connectionString;
        Options = options;
    }

    private ValkeyServer(string executable, string directory, string password, ValkeyOptions options)
        : this(string.Empty, options)
    {
        _executable = executable;
        _directory = directory;
        _password = password;
    }

    /// <summary>StackExchange.Redis form: <c>127.0.0.1:port,password=…</c>.</summary>
    public string ConnectionString { get; private set; }

    public ValkeyOptions Options { get; }

    /// <summary>True when the server comes from <c>TEST_VALKEY_CONNECTION_STRING</c> and cannot be stopped.</summary>
    public bool IsExternal => _directory is null;

    /// <summary>The TCP port of a local server (0 for an external one).</summary>
    public int Port { get; private set; }

    /// <summary>Uses <c>TEST_VALKEY_CONNECTION_STRING</c> when set, otherwise starts a local process.</summary>
    public static Task<ValkeyServer> StartAsync(ValkeyOptions? options, CancellationToken cancellationToken = default) =>
        EnvironmentVariables.Read(EnvironmentVariables.Valkey) is { } external
            ? Task.FromResult(new ValkeyServer(external, options ?? new ValkeyOptions()))
            : StartProcessAsync(options, cancellationToken);

    /// <summary>Always starts a local process (for tests that stop and restart the server).</summary>
    public static async Task<ValkeyServer> StartProcessAsync(ValkeyOptions? options, CancellationToken cancellationToken = default)
    {
        options ??= new ValkeyOptions();
        var executable = ValkeyInstallation.FindServer();
        var directory = Directory.CreateTempSubdirectory("localservers-valkey-").FullName;
        var password = RandomNumberGenerator.GetHexString(32, lowercase: true);
        var server = new ValkeyServer(executable, directory, password, options);
        try
        {
            // Kept out of the command line, where every process listing would show it.
            await File.WriteAllTextAsync(Path.Combine(directory, "valkey.conf"), $"requirepass {password}\n", cancellationToken);
            await PortRace.LaunchAsync(
                () =>
                {
                    server.Port = options.ClusterMode
                        ? FreePort.FindWithCompanion(ClusterBusPortOffset, MaxClusterPort)
                        : FreePort.Find();
                    server.ConnectionString = $"127.0.0.1:{server.Port},password={password}";
                },
                () => server.StartAsync(cancellationToken));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the server with SIGKILL, as a crash would; its data is lost.</summary>
    public async Task StopAsync()
    {
        RequireLocal();
        if (_process is { } process)
        {
            await process.KillAsync(ShutdownTimeout);
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the stopped server again, empty, on the same port with the same password.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        RequireLocal();
        if (_process is not null)
        {
            throw new InvalidOperationException("The server is already running; stop it first.");
        }

        var process = ServerProcess.Start(new CommandLine(_executable!, BuildArguments()), $"{Path.GetFileName(_executable)} on port {Port}");
        _process = process;
        try
        {
            await WaitUntilReadyAsync(process, cancellationToken);
        }
        catch
        {
            await process.KillAsync(ShutdownTimeout);
            process.Dispose();
            _process = null;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_directory is null)
        {
            return;
        }

        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// A setup connection to the local server, already authenticated; <see cref="IServer.ExecuteAsync(string, object[])"/>
    /// on <see cref="Server"/> runs commands such as <c>CLUSTER INFO</c>.
    /// </summary>
    internal async Task<ConnectionMultiplexer> ConnectAsync()
    {
        RequireLocal();
        return await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions
        {
            EndPoints = { { "127.0.0.1", Port } },
            Password = _password,
            ConnectTimeout = 2000,
            ConnectRetry = 0,
        });
    }

    /// <summary>This server among those <paramref name="connection"/> knows (in cluster mode it also learns the node's other addresses).</summary>
    internal IServer Server(ConnectionMultiplexer connection) => connection.GetServer("127.0.0.1", Port);

    private List<string> BuildArguments()
    {
        var arguments = new List<string>
        {
            Path.Combine(_directory!, "valkey.conf"),
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", _directory!,
            "--daemonize", "no",
        };
        if (Options.ClusterMode)
        {
            arguments.AddRange(["--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(_directory!, "nodes.conf")]);
        }

        return arguments;
    }

    private async Task WaitUntilReadyAsync(ServerProcess process, CancellationToken cancellationToken)
    {
        void ThrowIfExited()
        {
            if (process.HasExited)
            {
                throw process.Failure("exited during startup");
            }
        }

        Exception TimedOut(string what, Exception? lastError) =>
            process.Failure($"did not {what} within {StartupTimeout} ({lastError?.Message})");

        await Retry.UntilAsync(
            async token =>
            {
                await using var connection = await ConnectAsync();
                await Server(connection).PingAsync();
                return true;
            },
            ThrowIfExited,
            StartupTimeout,
            lastError => TimedOut("answer PING", lastError),
            cancellationToken);

        if (!Options.ClusterMode)
        {
            return;
        }

        await using (var connection = await ConnectAsync())
        {
            // After a restart nodes.conf already assigns the slots.
            var server = Server(connection);
            if (((string?)await server.ExecuteAsync("CLUSTER", "INFO"))?.Contains("cluster_slots_assigned:0", StringComparison.Ordinal) == true)
            {
                await server.ExecuteAsync("CLUSTER", "ADDSLOTSRANGE", "0", "16383");
            }
        }

        await Retry.UntilAsync(
            async token =>
            {
                await using var connection = await ConnectAsync();
                return ((string?)await Server(connection).ExecuteAsync("CLUSTER", "INFO"))?.Contains("cluster_state:ok", StringComparison.Ordinal) == true;
            },
            ThrowIfExited,
            StartupTimeout,
            lastError => TimedOut("reach cluster_state:ok", lastError),
            cancellationToken);
    }

    private void RequireLocal()
    {
        if (_directory is null)
        {
            throw new NotSupportedException(
                $"This server comes from {EnvironmentVariables.Valkey} and cannot be stopped or started; use {nameof(StartProcessAsync)}.");
        }
    }
}
