using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Tests;

namespace AppDelivery.Aspire.Deploy.Tests.Settings;

/// <summary>Files of the repository and of <c>../shared</c>, found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Settings => Path.Combine(Root, "deploysettings.json");

    /// <summary>Stack and resource name prefix from the committed settings (a generated app has its own).</summary>
    public static string AppName { get; } = DeploymentSettingsLoader.Load(Settings).AppName;

    /// <summary>Trait of tests that read the third-party manifests in <c>../shared/manifests</c>, which only this repository has.</summary>
    public const string SharedManifestsCategory = "SharedManifests";

    /// <summary>The real manifests beside the repository; a missing folder fails loudly.</summary>
    public static string SharedManifests
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(Root, "..", "shared", "manifests"));
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException(
                    $"The shared manifests folder {folder} is missing: run with --filter Category!={SharedManifestsCategory} (build.sh does) where ../shared is not beside the repository.");
            }

            return folder;
        }
    }
}
