#pragma warning disable ASPIREPIPELINES001, ASPIREPIPELINES004 // Aspire 13's pipeline API is marked experimental.
using System.Diagnostics;
using Aspire.Hosting.Pipelines;
using Microsoft.Extensions.DependencyInjection;

namespace AppDelivery.Aspire.AppHost;

/// <summary>
/// The AWS deployment as steps of Aspire's pipeline: <c>aspire publish</c> writes the manifest and the AWS CDK
/// cloud assembly of one environment into its output folder; <c>aspire deploy</c> then deploys that assembly with
/// the CDK CLI. The CDK app stays a process of its own (<c>src/Deploy</c>): the AppHost only runs it.
/// Arguments after <c>--</c> choose the environment and image tag: <c>Deploy:Environment=prod Deploy:ImageTag=…</c>.
/// </summary>
internal static class AwsDeploymentPipeline
{
    public const string SynthStep = "aws-cdk-synth";
    public const string DeployStep = "aws-cdk-deploy";
    public const string EnvironmentKey = "Deploy:Environment";
    public const string ImageTagKey = "Deploy:ImageTag";

    // Aspire's own step that writes aspire-manifest.json into the pipeline's output folder.
    private const string ManifestStep = "publish-manifest";

    private static readonly string[] CredentialVariables =
        ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"];

    public static IDistributedApplicationBuilder AddAwsDeploymentPipeline(this IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        var environment = builder.Configuration[EnvironmentKey] is { Length: > 0 } name ? name : "dev";
        var imageTag = builder.Configuration[ImageTagKey];
        builder.Pipeline.AddStep(
            SynthStep,
            context => SynthAsync(context, repositoryRoot, environment, imageTag),
            dependsOn: ManifestStep,
            requiredBy: WellKnownPipelineSteps.Publish);
        builder.Pipeline.AddStep(
            DeployStep,
            context => DeployAsync(context, repositoryRoot),
            dependsOn: SynthStep,
            requiredBy: WellKnownPipelineSteps.Deploy);
        return builder;
    }

    private static string OutputDirectory(PipelineStepContext context) =>
        context.Services.GetRequiredService<IPipelineOutputService>().GetOutputDirectory();

    private static async Task SynthAsync(PipelineStepContext context, string repositoryRoot, string environment, string? imageTag)
    {
        var output = OutputDirectory(context);
        List<string> arguments =
        [
            "run", "--project", Path.Combine(repositoryRoot, "src", "Deploy"), "--configuration", "Release", "--",
            "synth", "--env", environment,
            "--manifest", Path.Combine(output, "aspire-manifest.json"),
            "--settings", Path.Combine(repositoryRoot, "deploysettings.json"),
            "--outdir", Path.Combine(output, "cdk.out"),
        ];
        if (!string.IsNullOrEmpty(imageTag))
        {
            arguments.AddRange(["--image-tag", imageTag]);
        }

        await RunAsync(context, "dotnet", arguments, repositoryRoot);
        context.Summary.Add("AWS cloud assembly", $"{Path.Combine(output, "cdk.out")} ({environment})");
    }

    private static async Task DeployAsync(PipelineStepContext context, string repositoryRoot)
    {
        // Checked before the CDK CLI runs: without credentials it would probe the instance metadata endpoint.
        var awsFolder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".aws");
        var hasCredentials = CredentialVariables.Any(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)))
            || File.Exists(Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(awsFolder, "credentials"))
            || File.Exists(Environment.GetEnvironmentVariable("AWS_CONFIG_FILE") ?? Path.Combine(awsFolder, "config"));
        if (!hasCredentials)
        {
            throw new InvalidOperationException(
                "No AWS credentials: set AWS_PROFILE (e.g. after `aws sso login`) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
                + "then run `aspire deploy` again. The cloud assembly is in " + Path.Combine(OutputDirectory(context), "cdk.out") + ".");
        }

        // The CDK CLI version is package.json's, as in the deploy workflows.
        if (!File.Exists(Path.Combine(repositoryRoot, "node_modules", ".bin", "cdk")))
        {
            await RunAsync(context, "npm", ["ci", "--no-audit", "--no-fund"], repositoryRoot);
        }

        await RunAsync(
            context,
            "npx",
            ["--no-install", "cdk", "deploy", "--all", "--require-approval", "never", "--no-notices", "--app", Path.Combine(OutputDirectory(context), "cdk.out")],
            repositoryRoot);
    }

    private static async Task RunAsync(PipelineStepContext context, string fileName, List<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync(context.CancellationToken);
        var standardError = process.StandardError.ReadToEndAsync(context.CancellationToken);
        await process.WaitForExitAsync(context.CancellationToken);
        foreach (var line in (await standardOutput + await standardError).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            AppHostLog.PipelineOutput(context.Logger, line);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {arguments[0]} … exited with {process.ExitCode}: its output is above.");
        }
    }
}
