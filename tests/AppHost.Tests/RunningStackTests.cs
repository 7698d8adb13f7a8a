using System.Net;

namespace AppDelivery.Aspire.AppHost.Tests;

/// <summary>
/// Starts the whole stack (containers, DCP). Needs a container runtime and Aspire's orchestrator:
/// <c>build.sh test</c> runs this category only where both exist and otherwise says why it did not.
/// </summary>
[Trait("Category", "RunMode")]
public sealed class RunningStackTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Migrations_complete_before_api_is_healthy_and_web_reaches_api()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(timeout.Token);
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        var migrationsFinished = await app.ResourceNotifications.WaitForResourceAsync(
            ResourceNames.Migrations, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Api, timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Web, timeout.Token);

        Assert.Equal(0, migrationsFinished.Snapshot.ExitCode);
        using var web = app.CreateHttpClient(ResourceNames.Web, "http");
        using var page = await web.GetAsync("/", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Getting started", await page.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_migration_keeps_api_from_starting()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(timeout.Token);
        var migrations = builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Migrations));
        migrations.WithEnvironment($"ConnectionStrings__{ResourceNames.Database}", "Host=127.0.0.1;Port=1;Database=missing;Timeout=2");
        await using var app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);

        var migrationsFinished = await app.ResourceNotifications.WaitForResourceAsync(
            ResourceNames.Migrations, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        var api = await app.ResourceNotifications.WaitForResourceAsync(
            ResourceNames.Api, e => e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, timeout.Token);

        Assert.NotEqual(0, migrationsFinished.Snapshot.ExitCode);
        Assert.Equal(KnownResourceStates.FailedToStart, api.Snapshot.State?.Text);
    }
}
