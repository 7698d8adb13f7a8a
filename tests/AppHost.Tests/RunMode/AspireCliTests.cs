using System.Diagnostics;
using System.Text.Json.Nodes;
using AppDelivery.Aspire.Tests;
using Xunit.Abstractions;

namespace AppDelivery.Aspire.AppHost.Tests.RunMode;

/// <summary>
/// The Aspire CLI from the repository's tool manifest (<c>dotnet tool restore</c>, then <c>aspire run</c>) starts
/// the same stack. <c>--no-build</c> runs what <c>build.sh</c> built; <c>--isolated</c> picks free ports.
/// </summary>
[Trait("Category", "RunMode")]
[Collection(RunningStacks.Name)]
public sealed class AspireCliTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromMinutes(3);
    private static readonly string AppHostProject = Path.Combine(RepositoryRoot.Path, "src", "AppHost", "AppHost.csproj");

    [Fact]
    public async Task Aspire_run_starts_every_resource_healthy_and_aspire_stop_ends_it()
    {
        var dataFolder = StackUnderTest.CreateDataFolder("apphost-aspire-cli-");
        try
        {
            await RunAsync("dotnet", "tool", "restore");
            var started = Stopwatch.StartNew();
            var run = JsonNode.Parse(await RunAsync(
                "dotnet", "aspire", "run", "--apphost", AppHostProject, "--no-build", "--isolated", "--detach", "--format", "Json",
                "--non-interactive", "--nologo", "--", "AppHost:LocalServers=executables", $"AppHost:LocalServersData={dataFolder}"))!;
            var appHostProcessId = (int)run["appHostPid"]!;
            try
            {
                var resources = await WaitUntilHealthyAsync();
                output.WriteLine($"aspire run: every resource healthy after {started.Elapsed.TotalSeconds:F1} s");
                Assert.Equal(Resources.Order(StringComparer.Ordinal), resources.Select(r => (string)r["displayName"]!).Order(StringComparer.Ordinal));

                var frontDoor = resources.Single(r => (string)r["displayName"]! == FrontDoor.Resource);
                using var http = new HttpClient();
                var page = await http.GetStringAsync(new Uri(new Uri((string)frontDoor["urls"]![0]!["url"]!), FrontDoor.BoardsPath));
//#if (seedData)
                Assert.Contains(FrontDoor.SeededBoard, page, StringComparison.Ordinal);
//#endif
            }
            finally
            {
                var runProcesses = ProcessTable.Snapshot()
                    .Where(p => p.Id == appHostProcessId || p.CommandLine.Contains(dataFolder, StringComparison.Ordinal) || p.WorkingDirectory.StartsWith(dataFolder, StringComparison.Ordinal))
                    .Select(p => p.Id)
                    .ToList();
                await RunAsync("dotnet", "aspire", "stop", "--apphost", AppHostProject, "--non-interactive", "--nologo");
                var alive = await ProcessTable.WaitUntilGoneAsync(runProcesses, TimeSpan.FromSeconds(60));
                Assert.True(alive.Count == 0, $"Still running after aspire stop: {string.Join("; ", alive)}");
            }
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    /// <summary>Every resource of the model, as <c>aspire describe</c> names them.</summary>
    private static readonly string[] Resources =
    [
        ResourceNames.Postgres, ResourceNames.Database, ResourceNames.ApiKey, ResourceNames.Migrations, ResourceNames.Api,
//#if (valkey)
        ResourceNames.Cache,
//#endif
//#if (web)
        ResourceNames.Web,
//#endif
    ];

    /// <summary>Asks <c>aspire describe</c> until every resource is Running and healthy, or Finished with exit code 0.</summary>
    private static async Task<List<JsonNode>> WaitUntilHealthyAsync()
    {
        var deadline = DateTime.UtcNow + HealthyTimeout;
        while (true)
        {
            var description = JsonNode.Parse(await RunAsync(
                "dotnet", "aspire", "describe", "--apphost", AppHostProject, "--format", "Json", "--non-interactive", "--nologo"))!;
            var resources = description["resources"]!.AsArray().Select(r => r!).ToList();
            // Names and states only: a description also holds the resources' environment, secrets included.
            var states = resources.Select(r => $"{r["displayName"]}={r["state"]}/{r["healthStatus"]}").ToList();
            if (resources.Count == Resources.Length && resources.All(IsDone))
            {
                return resources;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not healthy after {HealthyTimeout}: {string.Join(", ", states)}");
            }

            await Task.Delay(1000);
        }
    }

    private static bool IsDone(JsonNode resource) =>
        (string?)resource["state"] == "Finished" || ((string?)resource["state"] == "Running" && (string?)resource["healthStatus"] == "Healthy");

    /// <summary>Runs a command in the repository root; returns its standard output, or fails with its exit code and output.</summary>
    private static async Task<string> RunAsync(string fileName, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPIRE_CLI_TELEMETRY_OPTOUT"] = "true",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "true",
            // `aspire run --no-build` runs this configuration's build, the one these tests come from.
            ["Configuration"] = RepositoryRoot.BuildConfiguration,
        };
        var run = await ExternalCommand.RunAsync(fileName, arguments, RepositoryRoot.Path, CommandTimeout, environment);
        return run.EnsureSuccess().StandardOutput;
    }
}
