using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Stacks;
using AppDelivery.Aspire.Deploy.Tests.Settings;
using AppDelivery.Aspire.Deploy.Tests.Stacks;

namespace AppDelivery.Aspire.Deploy.Tests.Nag;

/// <summary>
/// Synthesizes every environment (and production with a domain, which adds HTTPS, DNS and a certificate)
/// and the app grown to several databases and servers, and runs cdk-nag's AwsSolutions pack over them, after <c>npm ci</c> when the tool is not installed.
/// </summary>
public sealed class NagEnvironments : IDisposable
{
    public static readonly IReadOnlyList<string> Environments = ["dev", "staging", "prod", "pr-1"];

    private readonly List<string> directories = [];

    public NagEnvironments()
    {
        CdkProcess.Initialize();
        ToolDirectory = Path.Combine(RepositoryPaths.Root, "tools", "cdk-nag");
        if (!Directory.Exists(Path.Combine(ToolDirectory, "node_modules", "cdk-nag")))
        {
            var (exitCode, stdout, stderr) = NagRun.Run(ToolDirectory, "npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed in {ToolDirectory} ({exitCode}).\n{stdout}\n{stderr}");
            }
        }

        var settings = DeploymentSettingsLoader.Load(RepositoryPaths.Settings);
        Runs =
        [
            NagRun.Check(ToolDirectory, Environments.Select(e => Synthesize(settings, e))),
            NagRun.Check(ToolDirectory, [Synthesize(settings with { Domain = new DomainSettings("example.com", null) }, "prod")]),
            NagRun.Check(ToolDirectory, [Synthesize(settings, "dev", GrownApplication.Create())]),
            NagRun.Check(ToolDirectory, [Synthesize(settings, "prod", GrownApplication.Create())]),
        ];
    }

    public string ToolDirectory { get; }

    public IReadOnlyList<NagRun> Runs { get; }

    public void Dispose()
    {
        foreach (var directory in directories)
        {
            Directory.Delete(directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private string Synthesize(DeploymentSettings settings, string environment, ApplicationModel? application = null)
    {
        var directory = Directory.CreateTempSubdirectory("cdk-nag-").FullName;
        directories.Add(directory);
        CloudAssemblyBuilder.Build(application ?? TestApplication.Create(withOperatorSecret: true), settings, environment, "1.0.0", directory, validateTemplates: false)
            .App.Synth();
        return directory;
    }
}
