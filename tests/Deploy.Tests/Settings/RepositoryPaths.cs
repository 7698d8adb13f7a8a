using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Tests;

namespace AppDelivery.Aspire.Deploy.Tests.Settings;

/// <summary>Files of the repository, found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Settings => Path.Combine(Root, "deploysettings.json");

    /// <summary>The committed settings: a generated app has its own name, account and region.</summary>
    public static DeploymentSettings CommittedSettings { get; } = DeploymentSettingsLoader.Load(Settings);

    /// <summary>Stack and resource name prefix from the committed settings.</summary>
    public static string AppName => CommittedSettings.AppName;
}
