using System.Net;
using AppDelivery.Aspire.Tests;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AppDelivery.Aspire.AppHost.Tests.RunMode;

/// <summary>The whole stack as <c>./build.sh run</c> starts it, with the dashboard, started once for these tests.</summary>
public sealed class RunningStackFixture : IAsyncLifetime
{
    public StackUnderTest Stack { get; private set; } = null!;

    public TimeSpan TimeToHealthy { get; private set; }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StackUnderTest.StartTimeout);
        var started = System.Diagnostics.Stopwatch.StartNew();
        Stack = await StackUnderTest.StartAsync(withDashboard: true, timeout.Token);
        await Stack.App.ResourceNotifications.WaitForResourceHealthyAsync(FrontDoor.Resource, timeout.Token);
        TimeToHealthy = started.Elapsed;
    }

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

[Trait("Category", "RunMode")]
[Collection(RunningStacks.Name)]
public sealed class RunningStackTests(RunningStackFixture fixture, ITestOutputHelper output) : IClassFixture<RunningStackFixture>
{
    private static readonly string[] Servers =
    [
        ResourceNames.Postgres,
        ResourceNames.Database,
//#if (valkey)
        ResourceNames.Cache,
//#endif
    ];
    private static readonly string[] Services =
    [
        ResourceNames.Api,
//#if (web)
        ResourceNames.Web,
//#endif
    ];

    private DistributedApplication App => fixture.Stack.App;

    [Fact]
    public async Task Migrations_exit_with_zero_before_the_api_starts()
    {
        using var timeout = new CancellationTokenSource(StackUnderTest.StartTimeout);
        var migrations = await fixture.Stack.WaitForTerminalStateAsync(ResourceNames.Migrations, timeout.Token);
        var api = await App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Api, timeout.Token);

        Assert.Equal(0, migrations.Snapshot.ExitCode);
        Assert.NotNull(migrations.Snapshot.StopTimeStamp);
        Assert.NotNull(api.Snapshot.StartTimeStamp);
        Assert.True(
            migrations.Snapshot.StopTimeStamp <= api.Snapshot.StartTimeStamp,
            $"Migrations stopped at {migrations.Snapshot.StopTimeStamp:O}, the Api started at {api.Snapshot.StartTimeStamp:O}");
        output.WriteLine($"Stack healthy {fixture.TimeToHealthy.TotalSeconds:F1} s after start");
    }

    [Fact]
    public async Task Front_door_serves_the_boards_from_the_database()
    {
        using var timeout = new CancellationTokenSource(StackUnderTest.StartTimeout);
        using var frontDoor = App.CreateHttpClient(FrontDoor.Resource, "http");

        using var page = await frontDoor.GetAsync(FrontDoor.BoardsPath, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
//#if (seedData)
        Assert.Contains(FrontDoor.SeededBoard, await page.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
//#endif
    }

    [Fact]
    public async Task Servers_run_as_executables_with_the_container_connection_string_shapes()
    {
        using var timeout = new CancellationTokenSource(StackUnderTest.StartTimeout);
        var database = await App.GetConnectionStringAsync(ResourceNames.Database, timeout.Token);
        Assert.Matches(@"^Host=localhost;Port=\d+;Username=postgres;Password=[^;]+;Database=appdb$", database);
//#if (valkey)

        var cache = await App.GetConnectionStringAsync(ResourceNames.Cache, timeout.Token);
        Assert.Matches(@"^localhost:\d+,password=\S+$", cache);
//#endif
    }

    [Fact]
    public async Task Dashboard_lists_every_resource_running_or_finished_and_none_unhealthy()
    {
        using var timeout = new CancellationTokenSource(StackUnderTest.StartTimeout);
        foreach (var resource in Servers.Concat(Services))
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await ChromiumBrowser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1600, Height = 900 } });
        await page.GotoAsync((await fixture.Stack.DashboardLoginUrl!.WaitAsync(timeout.Token)).ToString());

        var expected = Servers.Concat(Services).ToDictionary(r => r, _ => "Running");
        expected[ResourceNames.Migrations] = "Finished";
        var shown = await ResourceStatesAsync(page, expected, timeout.Token);

        var screenshot = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots", "aspire-dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Dashboard screenshot: {screenshot}");
        Assert.Equal(expected.OrderBy(e => e.Key), shown.OrderBy(e => e.Key));

        await page.GetByRole(AriaRole.Tab, new() { Name = "Parameters" }).ClickAsync();
        // The generated API key is where users look for it: the Parameters tab, masked until revealed.
        await Expect(page.GetByText(ResourceNames.ApiKey, new() { Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Name and State columns of the resources grid, read until they show <paramref name="expected"/> or time runs
    /// out (the grid fills in as the page's live updates arrive). The State cell of an unhealthy resource says so.
    /// </summary>
    private static async Task<Dictionary<string, string>> ResourceStatesAsync(
        IPage page, Dictionary<string, string> expected, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var shown = new Dictionary<string, string>();
            foreach (var row in await page.GetByRole(AriaRole.Row).AllAsync())
            {
                var cells = await row.GetByRole(AriaRole.Gridcell).AllInnerTextsAsync();
                if (cells.Count > 1)
                {
                    shown[cells[0].Trim()] = cells[1].Trim();
                }
            }

            if (shown.Count == expected.Count && shown.All(s => expected.GetValueOrDefault(s.Key) == s.Value) || DateTime.UtcNow > deadline)
            {
                return shown;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

}

/// <summary>A stack of its own, whose migrations cannot reach the database.</summary>
[Trait("Category", "RunMode")]
[Collection(RunningStacks.Name)]
public sealed class FailedMigrationTests
{
    [Fact]
    public async Task Failed_migration_keeps_the_api_from_ever_starting()
    {
        using var timeout = new CancellationTokenSource(StackUnderTest.StartTimeout);
        await using var stack = await StackUnderTest.StartAsync(
            withDashboard: false,
            timeout.Token,
            builder => builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == ResourceNames.Migrations))
                .WithEnvironment($"ConnectionStrings__{ResourceNames.Database}", "Host=127.0.0.1;Port=1;Database=missing;Timeout=2"));

        var migrations = await stack.WaitForTerminalStateAsync(ResourceNames.Migrations, timeout.Token);
        var api = await stack.App.ResourceNotifications.WaitForResourceAsync(
            ResourceNames.Api, e => e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, timeout.Token);

        Assert.NotEqual(0, migrations.Snapshot.ExitCode);
        Assert.Equal(KnownResourceStates.FailedToStart, api.Snapshot.State?.Text);
    }
}
