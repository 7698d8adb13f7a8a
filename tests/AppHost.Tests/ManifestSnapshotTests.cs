using System.Text.Json.Nodes;
using AppDelivery.Aspire.Tests;

namespace AppDelivery.Aspire.AppHost.Tests;

/// <summary>
/// The committed <c>src/AppHost/aspire-manifest.json</c> is what the deployment generator reads; it must be
/// what the AppHost writes now. Regenerate with <c>./build.sh manifest</c>.
/// </summary>
public sealed class ManifestSnapshotTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(2);

    // Publishing starts the AppHost as a process (~2 s): once for the whole class.
    private static readonly Lazy<Task<JsonNode>> FreshManifest = new(() => WriteManifestAsync());

    [Fact]
    public async Task Committed_manifest_is_what_the_AppHost_writes_now()
    {
        var committedPath = Path.Combine(RepositoryRoot.Path, "src", "AppHost", "aspire-manifest.json");
        Assert.True(File.Exists(committedPath), $"Missing {committedPath}: run ./build.sh manifest");
        var fresh = await FreshManifest.Value;

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(committedPath));
        Assert.True(
            JsonNode.DeepEquals(committed, fresh),
            $"src/AppHost/aspire-manifest.json is stale: run ./build.sh manifest and commit the result.\nFresh manifest:\n{fresh}");
    }

    [Fact]
    public async Task Manifest_holds_no_parameter_value()
    {
        var manifest = await FreshManifest.Value;
        foreach (var (name, resource) in manifest["resources"]!.AsObject())
        {
            if ((string?)resource!["type"] == "parameter.v0")
            {
                Assert.Null(resource["inputs"]!["value"]!["default"]?["value"]);
                Assert.Equal($"{{{name}.inputs.value}}", (string?)resource["value"]);
            }
        }
    }

    [Theory]
    [InlineData("executables")]
    [InlineData("containers")]
    public async Task Local_servers_setting_never_changes_the_manifest(string localServers)
    {
        var manifest = await WriteManifestAsync($"AppHost:LocalServers={localServers}");
        Assert.True(JsonNode.DeepEquals(await FreshManifest.Value, manifest), $"With AppHost:LocalServers={localServers}:\n{manifest}");
    }

    private static async Task<JsonNode> WriteManifestAsync(params string[] extraArguments)
    {
        // Written beside the committed file: the manifest's project paths are relative to its own folder.
        var appHostDirectory = Path.Combine(RepositoryRoot.Path, "src", "AppHost");
        var output = Path.Combine(appHostDirectory, $"aspire-manifest.{Guid.NewGuid():N}.tmp.json");
        string[] arguments =
        [
            "run", "--project", appHostDirectory, "--no-build", "--no-launch-profile", "--configuration", RepositoryRoot.BuildConfiguration,
            "--", "--publisher", "manifest", "--output-path", output, .. extraArguments,
        ];
        var publish = await ExternalCommand.RunAsync("dotnet", arguments, appHostDirectory, PublishTimeout);
        Assert.True(publish.ExitCode == 0, $"AppHost manifest publish failed ({publish.ExitCode}):\n{publish.StandardOutput}\n{publish.StandardError}");
        try
        {
            return JsonNode.Parse(await File.ReadAllTextAsync(output))!;
        }
        finally
        {
            File.Delete(output);
        }
    }
}
