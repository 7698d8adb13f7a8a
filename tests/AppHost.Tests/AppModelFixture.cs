namespace AppDelivery.Aspire.AppHost.Tests;

/// <summary>
/// Builds the AppHost's application model once per test class, without starting anything: the model,
/// not the running stack, is what these tests check. The run-mode models are the local ones,
/// <see cref="PublishModeModel"/> the one the manifest (and so AWS) is written from.
/// </summary>
public abstract class AppModelFixture(string[] args) : IAsyncLifetime
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(2);

    private IDistributedApplicationTestingBuilder? builder;
    private DistributedApplication? app;

    public DistributedApplicationModel Model { get; private set; } = null!;

    public DistributedApplicationExecutionContext ExecutionContext { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(BuildTimeout);
        builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args, timeout.Token);
        ExecutionContext = builder.ExecutionContext;
        app = await builder.BuildAsync(timeout.Token);
        Model = app.Services.GetRequiredService<DistributedApplicationModel>();
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (builder is not null)
        {
            await builder.DisposeAsync();
        }
    }

    public T Resource<T>(string name)
        where T : IResource =>
        Assert.IsType<T>(Model.Resources.Single(r => r.Name == name), exactMatch: false);
}

/// <summary>The local model with PostgreSQL and Valkey as the containers the manifest describes.</summary>
public sealed class ContainersRunModeModel() : AppModelFixture(["AppHost:LocalServers=containers"]);

/// <summary>The local model with PostgreSQL and Valkey as executables from this machine's server binaries.</summary>
public sealed class ExecutablesRunModeModel() : AppModelFixture(["AppHost:LocalServers=executables"]);

public sealed class PublishModeModel() : AppModelFixture(["--publisher", "manifest", "--output-path", Path.Combine(Path.GetTempPath(), "unused-aspire-manifest.json")]);
