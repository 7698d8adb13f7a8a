using AppDelivery.Aspire.AppHost.LocalServers;
using Microsoft.Extensions.Logging;

namespace AppDelivery.Aspire.AppHost.Tests.RunMode;

/// <summary>
/// The AppHost in run mode, as <c>dotnet run</c> starts it, with PostgreSQL and Valkey as executables (unless a test
/// asks for containers) keeping their data in a throwaway folder; the dashboard only where a test looks at it.
/// </summary>
public sealed class StackUnderTest : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(60);

    private readonly HashSet<int> _processIds = [];

    private StackUnderTest(DistributedApplication app, string dataFolder, DashboardLoginUrl? dashboardLoginUrl)
    {
        App = app;
        DataFolder = dataFolder;
        DashboardLoginUrl = dashboardLoginUrl?.Value;
    }

    public DistributedApplication App { get; }

    /// <summary>Where PostgreSQL and Valkey keep their data for this stack only.</summary>
    public string DataFolder { get; }

    /// <summary>The login URL the AppHost logs (<c>…/login?t=…</c>); null when the dashboard is off.</summary>
    public Task<Uri>? DashboardLoginUrl { get; }

    /// <summary>Builds the stack; <paramref name="configure"/> may change the model before it starts.</summary>
    public static async Task<StackUnderTest> StartAsync(
        bool withDashboard,
        CancellationToken cancellationToken,
        Action<IDistributedApplicationTestingBuilder>? configure = null,
        LocalServerMode localServers = LocalServerMode.Executables)
    {
        var dataFolder = CreateDataFolder("apphost-run-");
        string[] args = [$"{LocalServerModeConfiguration.Key}={localServers}", $"{LocalDataDirectory.RootKey}={dataFolder}"];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            args, (options, _) => options.DisableDashboard = !withDashboard, cancellationToken);
        var dashboardLoginUrl = withDashboard ? new DashboardLoginUrl() : null;
        if (dashboardLoginUrl is not null)
        {
            builder.Services.AddSingleton<ILoggerProvider>(dashboardLoginUrl);
        }
        else
        {
            // Without a dashboard, services would spend their shutdown retrying OTLP exports to nowhere (~25 s).
            foreach (var project in builder.Resources.OfType<ProjectResource>())
            {
                builder.CreateResourceBuilder(project).WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
            }
        }

        configure?.Invoke(builder);
        var app = await builder.BuildAsync(cancellationToken);
        var stack = new StackUnderTest(app, dataFolder, dashboardLoginUrl);
        _ = stack.RecordProcessIdsAsync();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // A half-started AppHost keeps its CLI backchannel open in this test process, where `aspire stop` would find it.
            await stack.DisposeAsync();
            throw;
        }

        return stack;
    }

    /// <summary>A throwaway folder for the servers' data (<c>AppHost:LocalServersData</c>).</summary>
    public static string CreateDataFolder(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        // PostgreSQL runs as the postgres OS user when the tests run as root: it must reach its folder.
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        return folder;
    }

    public Task<ResourceEvent> WaitForTerminalStateAsync(string resource, CancellationToken cancellationToken) =>
        App.ResourceNotifications.WaitForResourceAsync(
            resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);

    /// <summary>Stops the AppHost; then every process it started must be gone.</summary>
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try
        {
            await WaitUntilExitedAsync();
        }
        finally
        {
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    private async Task RecordProcessIdsAsync()
    {
        try
        {
            await foreach (var update in App.ResourceNotifications.WatchAsync())
            {
                var processId = update.Snapshot.Properties.FirstOrDefault(p => p.Name.EndsWith(".pid", StringComparison.Ordinal))?.Value;
                if (int.TryParse(processId?.ToString(), out var id))
                {
                    lock (_processIds)
                    {
                        _processIds.Add(id);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task WaitUntilExitedAsync()
    {
        int[] reported;
        lock (_processIds)
        {
            reported = [.. _processIds];
        }

        var started = ProcessTable.Snapshot()
            .Where(p => reported.Contains(p.Id) || p.WorkingDirectory.StartsWith(DataFolder, StringComparison.Ordinal))
            .Select(p => p.Id)
            .ToList();
        var alive = await ProcessTable.WaitUntilGoneAsync(started, ExitTimeout);
        if (alive.Count > 0)
        {
            throw new InvalidOperationException($"Still running {ExitTimeout} after the AppHost stopped: {string.Join("; ", alive)}");
        }
    }
}
