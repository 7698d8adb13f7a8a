using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>
/// Entry point of the stacks: turns the neutral <see cref="ApplicationModel"/> and the settings into the
/// shared base stack, one environment's secrets stack (when it has operator-set secrets) and its environment stack,
/// and synthesizes them. Nothing here calls AWS.
/// </summary>
public static partial class CloudAssemblyBuilder
{
    /// <summary>Synthesizes the base stack and the stacks of <paramref name="environment"/> into a cloud assembly.</summary>
    /// <param name="environment"><c>dev</c>, <c>staging</c>, <c>prod</c> (keys of the settings) or <c>pr-N</c>.</param>
    /// <param name="imageTag">Tag of every workload image in the base stack's ECR repositories.</param>
    /// <param name="outdir">Assembly directory; ignored when the CDK CLI sets <c>CDK_OUTDIR</c>.</param>
    public static SynthesizedDeployment Synthesize(
        ApplicationModel app,
        DeploymentSettings settings,
        string environment,
        string imageTag,
        string? outdir = null)
    {
        var stacks = Build(app, settings, environment, imageTag, outdir);
        var assembly = stacks.App.Synth();
        return new SynthesizedDeployment(
            assembly, assembly.Directory, stacks.Base.StackName, stacks.Secrets?.StackName, stacks.Environment.StackName);
    }

    /// <summary>Builds the CDK app without synthesizing it.</summary>
    /// <param name="validateTemplates">
    /// CDK's built-in CloudFormation schema validation (~5 s per synthesis): on for real deployments.
    /// </param>
    public static DeploymentStacks Build(
        ApplicationModel app,
        DeploymentSettings settings,
        string environment,
        string imageTag,
        string? outdir = null,
        bool validateTemplates = true)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsImageTag(imageTag))
        {
            throw new ArgumentException($"'{imageTag}' is not a container image tag ({ImageTagRule})", nameof(imageTag));
        }

        var target = settings.ResolveEnvironment(environment);
        var cdkApp = new App(new AppProps
        {
            Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") is null ? outdir : null,
            AnalyticsReporting = false,
            BuiltinCloudFormationValidation = validateTemplates,
            Context = new Dictionary<string, object>
            {
                // Known AZs: synthesis never looks them up (and never writes dummy ones).
                [$"availability-zones:account={settings.Account}:region={settings.Region}"] = settings.AvailabilityZones.ToArray(),
            },
        });

        var awsEnvironment = new Amazon.CDK.Environment { Account = settings.Account, Region = settings.Region };
        var baseStack = new BaseStack(cdkApp, StackNames.Base(settings.AppName), new BaseStackProps
        {
            Application = app,
            Settings = settings,
            Env = awsEnvironment,
            Description = $"{settings.AppName}: network, image repositories, DNS and deploy role shared by every environment.",
        });
        var secretsStack = app.OperatorSecrets.Any()
            ? new SecretsStack(cdkApp, StackNames.Secrets(settings.AppName, target.Name), new SecretsStackProps
            {
                Application = app,
                Settings = settings,
                Target = target,
                Env = awsEnvironment,
                Description = $"{settings.AppName} {target.Name}: the secrets an operator sets, before the environment stack.",
            })
            : null;
        var environmentStack = new EnvironmentStack(
            cdkApp,
            StackNames.Environment(settings.AppName, target.Name),
            new EnvironmentStackProps
            {
                Application = app,
                Settings = settings,
                Target = target,
                ImageTag = imageTag,
                Base = baseStack,
                Env = awsEnvironment,
                Description = $"{settings.AppName} {target.Name}: database, cache, secrets and services.",
            });

        // Repositories are found by name, not by export: the order must not rest on the imports that remain.
        environmentStack.AddStackDependency(baseStack, "images are pushed to the base stack's repositories first");
        if (secretsStack is not null)
        {
            // Read through SSM parameters, not exports: the secrets stack never has to stay for an import.
            environmentStack.AddStackDependency(secretsStack, "the secrets exist, and can be set, before the environment runs");
            Tags.Of(secretsStack).Add(GitHubPreviewRole.EnvironmentTag, target.Name);
        }

        Tags.Of(cdkApp).Add("Application", settings.AppName);
        Tags.Of(environmentStack).Add(GitHubPreviewRole.EnvironmentTag, target.Name);
        if (target.IsPreview)
        {
            Amazon.CDK.AWS.IAM.PermissionsBoundary.Of(environmentStack).Apply(ManagedPolicy.FromManagedPolicyName(
                environmentStack, "PreviewBoundary", GitHubPreviewRole.BoundaryName(settings.AppName)));
        }

        return new DeploymentStacks(cdkApp, baseStack, secretsStack, environmentStack);
    }

    /// <summary>What <see cref="IsImageTag"/> accepts, for error messages.</summary>
    internal const string ImageTagRule = "letters, digits, '_', '.', '-'; at most 128";

    /// <summary>A tag container registries (ECR) accept.</summary>
    internal static bool IsImageTag(string? tag) => tag is not null && ImageTag().IsMatch(tag);

    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ImageTag();
}
