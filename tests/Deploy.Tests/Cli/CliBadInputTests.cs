using System.Diagnostics;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Cli;

/// <summary>Bad input: exit code 2 and one error line naming the file and the field. None of these reach CDK.</summary>
public sealed class CliBadInputTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("deploy-cli-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void Missing_manifest_names_the_file()
    {
        var missing = Path.Combine(_temp.FullName, "nope.json");

        var run = CliRun.Of("synth", "--env", "dev", "--manifest", missing, "--settings", RepositoryPaths.Settings, "--image-tag", "t1");

        AssertBadInput(run, $"{missing}: file: not found");
    }

    [Fact]
    public void Missing_settings_names_the_file()
    {
        var missing = Path.Combine(_temp.FullName, "deploysettings.json");

        var run = CliRun.Of("synth", "--env", "dev", "--manifest", CliRun.CommittedManifest, "--settings", missing, "--image-tag", "t1");

        AssertBadInput(run, $"{missing}: file: not found");
    }

    [Fact]
    public void Invalid_manifest_json_names_the_file_and_line()
    {
        var manifest = Write("aspire-manifest.json", "{\n  \"resources\": {\n    \"api\": \n}\n");

        var run = CliRun.Of("synth", "--env", "dev", "--manifest", manifest, "--settings", RepositoryPaths.Settings, "--image-tag", "t1");

        AssertBadInput(run, $"{manifest}: line 4: invalid JSON");
    }

    [Fact]
    public void Invalid_settings_names_the_file_and_field()
    {
        var settings = Write("deploysettings.json",
            File.ReadAllText(RepositoryPaths.Settings).Replace($"\"{RepositoryPaths.CommittedSettings.Account}\"", "\"1234\"", StringComparison.Ordinal));

        var run = CliRun.Of("synth", "--env", "dev", "--manifest", CliRun.CommittedManifest, "--settings", settings, "--image-tag", "t1");

        AssertBadInput(run, $"{settings}: account: must be a 12-digit AWS account id");
    }

    [Fact]
    public void Unknown_environment_names_the_settings_file_and_environments()
    {
        var run = CliRun.Synth("--env", "qa", "--image-tag", "t1");

        AssertBadInput(run, $"{RepositoryPaths.Settings}: environments: unknown environment 'qa'");
    }

    [Theory]
    [InlineData("--image-tag", "bad tag!", "command line: --image-tag: 'bad tag!' is not a container image tag")]
    [InlineData("--colour", "blue", "command line: --colour: unknown option")]
    public void Bad_option_is_named(string option, string value, string expected)
    {
        var run = CliRun.Synth("--env", "dev", option, value);

        AssertBadInput(run, expected);
    }

    [Fact]
    public void Missing_env_is_named()
    {
        AssertBadInput(CliRun.Synth("--image-tag", "t1"), "command line: --env: missing");
    }

    [Fact]
    public void Option_without_value_is_named()
    {
        AssertBadInput(CliRun.Synth("--image-tag", "t1", "--env"), "command line: --env: needs a value");
    }

    [Fact]
    public void Unknown_command_is_named()
    {
        AssertBadInput(CliRun.Of("deploy"), "command line: deploy: unknown command");
    }

    [Fact]
    public void No_arguments_print_the_usage_and_fail()
    {
        var run = CliRun.Of();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Cdk_app_without_env_in_the_context_names_the_key()
    {
        var run = CliRun.Of(["cdk-app"], name => name == "CDK_CONTEXT_JSON" ? """{"imageTag":"t1"}""" : null);

        AssertBadInput(run, "cdk context: env: missing: pass -c env=");
    }

    [Fact]
    public void Cdk_app_with_an_unknown_env_names_the_settings_field()
    {
        var context = $$"""{"env":"pr-0","imageTag":"t1","settings":"{{RepositoryPaths.Settings}}","manifest":"{{CliRun.CommittedManifest}}"}""";

        var run = CliRun.Of(["cdk-app"], name => name == "CDK_CONTEXT_JSON" ? context : null);

        AssertBadInput(run, $"{RepositoryPaths.Settings}: environments: unknown environment 'pr-0'");
    }

    [Fact]
    public async Task Outside_a_git_repository_the_default_image_tag_is_an_error()
    {
        var dll = typeof(Deploy.Cli.Commands).Assembly.Location;
        var start = new ProcessStartInfo("dotnet",
            [dll, "synth", "--env", "dev", "--manifest", CliRun.CommittedManifest, "--settings", RepositoryPaths.Settings])
        {
            WorkingDirectory = _temp.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["GIT_CEILING_DIRECTORIES"] = Path.GetDirectoryName(_temp.FullName);

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("error: command line: --image-tag: no default:", await error, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    internal static void AssertBadInput(CliRun run, string expectedStart)
    {
        Assert.Equal(2, run.ExitCode);
        var errorLine = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.StartsWith($"error: {expectedStart}", errorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }
}
