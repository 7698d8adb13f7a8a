using System.Text.Json.Nodes;
using AppDelivery.Aspire.Tests;

namespace AppDelivery.Aspire.AppHost.Tests;

/// <summary>
/// The Aspire CLI's deployment path: <c>aspire publish</c> writes the manifest and the AWS cloud assembly of the
/// environment named after <c>--</c>; <c>aspire deploy</c> stops where AWS credentials are needed, before reaching AWS.
/// </summary>
public sealed class AspirePublishTests : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);
    private static readonly string AppHostProject = Path.Combine(RepositoryRoot.Path, "src", "AppHost", "AppHost.csproj");

    private readonly string _output = Directory.CreateTempSubdirectory("aspire-publish-").FullName;

    [Fact]
    public async Task Publish_writes_the_manifest_and_the_cloud_assembly_and_deploy_stops_without_credentials()
    {
        (await AspireAsync("tool", "restore")).EnsureSuccess();

        (await AspireAsync("aspire", "publish", "--apphost", AppHostProject, "--no-build", "-o", _output, "--non-interactive", "--nologo", "--", "Deploy:Environment=prod", "Deploy:ImageTag=t1")).EnsureSuccess();

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "src", "AppHost", "aspire-manifest.json")))!;
        var published = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_output, "aspire-manifest.json")))!;
        Assert.Equal(committed["resources"]!.AsObject().Select(r => r.Key), published["resources"]!.AsObject().Select(r => r.Key));
        var appName = (string)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "deploysettings.json")))!["appName"]!;
        Assert.True(File.Exists(Path.Combine(_output, "cdk.out", $"{appName}-prod.template.json")), $"no {appName}-prod stack in {_output}/cdk.out");

        var deploy = await AspireAsync("aspire", "deploy", "--apphost", AppHostProject, "--no-build", "-o", _output, "--non-interactive", "--nologo", "--", "Deploy:Environment=prod", "Deploy:ImageTag=t1");

        Assert.NotEqual(0, deploy.ExitCode);
        Assert.Contains("No AWS credentials", deploy.StandardOutput + deploy.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_output, recursive: true);

    /// <summary>Runs <c>dotnet</c> in the repository root with no AWS credentials in reach.</summary>
    private static Task<ExternalCommand> AspireAsync(params string[] arguments)
    {
        var noCredentials = Path.Combine(Path.GetTempPath(), "no-aws-credentials-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string?>
        {
            ["ASPIRE_CLI_TELEMETRY_OPTOUT"] = "true",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "true",
            ["Configuration"] = RepositoryRoot.BuildConfiguration,
            ["AWS_SHARED_CREDENTIALS_FILE"] = noCredentials,
            ["AWS_CONFIG_FILE"] = noCredentials,
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        };
        return ExternalCommand.RunAsync("dotnet", arguments, RepositoryRoot.Path, CommandTimeout, environment);
    }
}
