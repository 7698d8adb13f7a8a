using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Stacks;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>
/// One synthesis of the base stack and one environment stack, shared by a test class. The templates
/// are available both as CDK assertion <see cref="Template"/>s and as parsed JSON for whole-template scans.
/// </summary>
public abstract class SynthesizedEnvironment : IDisposable
{
    public const string ImageTag = "1.0.0-abc1234";

    private static int synthesisCount;

    protected SynthesizedEnvironment(
        string environment,
        Func<DeploymentSettings, DeploymentSettings>? customize = null,
        ApplicationModel? application = null,
        string imageTag = ImageTag)
    {
        CdkProcess.Initialize();
        EnvironmentName = environment;
        Settings = (customize ?? (s => s))(DeploymentSettingsLoader.Load(RepositoryPaths.Settings));
        Application = application ?? TestApplication.Create();
        OutputDirectory = Directory.CreateTempSubdirectory("cdk-test-").FullName;

        var stopwatch = Stopwatch.StartNew();
        Stacks = CloudAssemblyBuilder.Build(Application, Settings, environment, imageTag, OutputDirectory, validateTemplates: false);
        var assembly = Stacks.App.Synth();
        SynthesisTime = stopwatch.Elapsed;
        IsFirstSynthesisInProcess = Interlocked.Increment(ref synthesisCount) == 1;

        BaseJson = ReadTemplate(assembly.Directory, Stacks.Base.StackName);
        EnvironmentJson = ReadTemplate(assembly.Directory, Stacks.Environment.StackName);
        SecretsJson = Stacks.Secrets is { } secrets ? ReadTemplate(assembly.Directory, secrets.StackName) : null;
        Base = Template.FromStack(Stacks.Base);
        Environment = Template.FromStack(Stacks.Environment);
    }

    public string EnvironmentName { get; }

    public DeploymentSettings Settings { get; }

    public ApplicationModel Application { get; }

    public DeploymentStacks Stacks { get; }

    public string OutputDirectory { get; }

    public TimeSpan SynthesisTime { get; }

    /// <summary>The first synthesis in a test process also pays for starting jsii.</summary>
    public bool IsFirstSynthesisInProcess { get; }

    public Template Base { get; }

    public Template Environment { get; }

    public JsonObject BaseJson { get; }

    public JsonObject EnvironmentJson { get; }

    /// <summary>The secrets stack's template; null when the app has no operator-set secret.</summary>
    public JsonObject? SecretsJson { get; }

    public EnvironmentSettings EnvironmentSettings => Settings.ResolveEnvironment(EnvironmentName).Settings;

    public void Dispose()
    {
        Directory.Delete(OutputDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static JsonObject ReadTemplate(string directory, string stack) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, $"{stack}.template.json")))!.AsObject();
}

public sealed class DevEnvironment() : SynthesizedEnvironment("dev");

public sealed class StagingEnvironment() : SynthesizedEnvironment("staging");

public sealed class ProdEnvironment() : SynthesizedEnvironment("prod");

public sealed class PreviewEnvironment() : SynthesizedEnvironment("pr-1");

/// <summary>Staging with a public domain, an alarm e-mail and an account that already has GitHub's OIDC provider.</summary>
public sealed class DomainEnvironment() : SynthesizedEnvironment("staging", s => s with
{
    Domain = new DomainSettings(ZoneName, ExistingHostedZoneId: null),
    GitHub = s.GitHub with { ExistingOidcProviderArn = ExistingOidcProvider },
    Environments = s.Environments.ToDictionary(
        e => e.Key,
        e => e.Key == "staging" ? e.Value with { AlarmEmail = AlarmEmail } : e.Value,
        StringComparer.Ordinal),
})
{
    public const string ZoneName = "example.com";
    public const string AlarmEmail = "ops@example.com";
    public const string ExistingOidcProvider = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
}

/// <summary>Dev again, deployed with the next image tag.</summary>
public sealed class NextImageEnvironment() : SynthesizedEnvironment("dev", imageTag: NextTag)
{
    public const string NextTag = "1.0.1-def5678";
}

/// <summary>Dev with a secret parameter that has no generator, so an operator must set it.</summary>
public sealed class OperatorSecretEnvironment() : SynthesizedEnvironment("dev", application: TestApplication.Create(withOperatorSecret: true));

/// <summary>A preview with a secret parameter that an operator must set.</summary>
public sealed class OperatorSecretPreviewEnvironment() : SynthesizedEnvironment("pr-4", application: TestApplication.Create(withOperatorSecret: true));

/// <summary>Dev from the committed AppHost manifest, read by the manifest reader.</summary>
public sealed class ManifestEnvironment() : SynthesizedEnvironment("dev", application: ReadManifest())
{
    public static string ManifestPath => Path.Combine(RepositoryPaths.Root, "src", "AppHost", "aspire-manifest.json");

    private static ApplicationModel ReadManifest() =>
        global::AppDelivery.Aspire.Deploy.Manifest.ManifestReader.Read(ManifestPath, DeploymentSettingsLoader.Load(RepositoryPaths.Settings)).Model;
}

/// <summary>Dev from the eShop-shaped manifest (containers, a Dockerfile build, two caches, two external services), with a domain.</summary>
public sealed class EshopEnvironment() : SynthesizedEnvironment(
    "dev", s => s with { Domain = new DomainSettings(ZoneName, ExistingHostedZoneId: null) }, ReadManifest())
{
    public const string ZoneName = "example.com";

    private static ApplicationModel ReadManifest() =>
        global::AppDelivery.Aspire.Deploy.Manifest.ManifestReader.Read(
            Manifest.ManifestFixtures.EshopPath, Manifest.ManifestFixtures.SettingsWithDomain()).Model;
}
