using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Cli;

/// <summary>One real <c>synth</c> of dev for the committed manifest and settings, shared by the tests of this class.</summary>
public sealed class CliSynthFixture : IDisposable
{
    public const string ImageTag = "test-0123456789ab";

    public CliSynthFixture()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("deploy-cli-synth-").FullName;
        Run = CliRun.Synth("--env", "dev", "--image-tag", ImageTag, "--outdir", OutputDirectory);
    }

    public string OutputDirectory { get; }

    public CliRun Run { get; }

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}

[Collection(CdkCollectionDefinition.Name)]
public sealed class CliSynthTests(CliSynthFixture synth) : IClassFixture<CliSynthFixture>
{
    private string[] OutputLines => synth.Run.Output.Split('\n', StringSplitOptions.TrimEntries);

    [Fact]
    public void Succeeds_into_the_output_directory()
    {
        Assert.True(synth.Run.ExitCode == 0, synth.Run.Error);
        Assert.Equal($"Synthesized 'dev' (image tag {CliSynthFixture.ImageTag}) into {synth.OutputDirectory}", OutputLines[0]);
        Assert.True(File.Exists(Path.Combine(synth.OutputDirectory, $"{RepositoryPaths.AppName}-dev.template.json")));
    }

    [Theory]
    [InlineData("base")]
    [InlineData("dev")]
    public void Resource_count_per_stack_is_the_templates(string stackSuffix)
    {
        var stack = $"{RepositoryPaths.AppName}-{stackSuffix}";
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(synth.OutputDirectory, $"{stack}.template.json")))!;
        var count = template["Resources"]!.AsObject().Count;

        Assert.Contains(OutputLines, l => l.StartsWith(stack, StringComparison.Ordinal) && l.EndsWith($" {count} resources", StringComparison.Ordinal));
    }

    [Fact]
    public void Cost_estimate_states_region_and_budget()
    {
        Assert.Contains(OutputLines, l => l.StartsWith("Estimated monthly cost (USD; an estimate from eu-west-1 list prices", StringComparison.Ordinal));
        Assert.Contains(OutputLines, l => l.StartsWith("Fargate web ", StringComparison.Ordinal));
        Assert.Contains(OutputLines, l => l.StartsWith("Aurora Serverless v2 ", StringComparison.Ordinal));
        Assert.Contains(OutputLines, l => l.StartsWith("NAT gateway ", StringComparison.Ordinal));
        Assert.Contains(OutputLines, l => l.StartsWith("Total", StringComparison.Ordinal) && l.EndsWith("(budget $150.00)", StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_say_what_to_set()
    {
        Assert.Contains("Secrets to set: none.", OutputLines);
        Assert.Contains(OutputLines, l => l.StartsWith("Generated at creation, nothing to set: api-key", StringComparison.Ordinal));
    }

    [Fact]
    public void Dropped_https_endpoints_are_warned()
    {
        var warnings = synth.Run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, warnings.Length);
        Assert.All(warnings, w => Assert.StartsWith($"warning: {CliRun.CommittedManifest}: resources.", w, StringComparison.Ordinal));
    }
}
