using System.Text.Json.Serialization;

namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>
/// Everything about the deployment that the app model does not say, read from <c>deploysettings.json</c>.
/// Account-wide choices live here; per-environment sizes and switches in <see cref="Environments"/>.
/// </summary>
/// <param name="AppName">Prefix of stack and resource names, lower-case letters, digits and dashes.</param>
/// <param name="AvailabilityZones">Explicit, so synthesis never looks them up (no dummy AZs).</param>
/// <param name="NatGateways">NAT gateways of the shared VPC (1 is cheap, 2 is zone-redundant).</param>
/// <param name="CpuArchitecture"><c>ARM64</c> or <c>X86_64</c>: the one architecture images are built for.</param>
/// <param name="Jobs">Further run-once workloads, for manifests whose AppHost does not mark them (default: none).</param>
/// <param name="Environments">Keyed by name: <c>dev</c>, <c>staging</c>, <c>prod</c> and <c>pr</c>, the template of every <c>pr-N</c>.</param>
public sealed record DeploymentSettings(
    string AppName,
    string Account,
    string Region,
    IReadOnlyList<string> AvailabilityZones,
    int NatGateways,
    string CpuArchitecture,
    IReadOnlyList<string> Jobs,
    GitHubSettings GitHub,
    DomainSettings? Domain,
    IReadOnlyDictionary<string, EnvironmentSettings> Environments)
{
    /// <summary>The file these settings were read from, for error messages.</summary>
    [JsonIgnore]
    public string SourceFile { get; init; } = DeploymentSettingsLoader.DefaultFileName;

    /// <summary>
    /// <c>dev</c>, <c>staging</c>, <c>prod</c> (any key of <see cref="Environments"/>) or <c>pr-N</c> from the
    /// <c>pr</c> template with host name <c>pr-N</c>.
    /// </summary>
    /// <exception cref="SettingsException">Unknown name; names the file and the field <c>environments</c>.</exception>
    public DeploymentEnvironment ResolveEnvironment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (EnvironmentNames.TryParsePreview(name, out var pullRequestNumber))
        {
            if (!Environments.TryGetValue(EnvironmentNames.PreviewTemplate, out var template))
            {
                throw new SettingsException(SourceFile, "environments",
                    $"'{name}' is a preview environment but there is no '{EnvironmentNames.PreviewTemplate}' template to make it from");
            }

            return new DeploymentEnvironment(name, template with { Hostname = name }, pullRequestNumber);
        }

        if (name != EnvironmentNames.PreviewTemplate && Environments.TryGetValue(name, out var settings))
        {
            return new DeploymentEnvironment(name, settings with { Hostname = settings.Hostname ?? name }, null);
        }

        var known = Environments.Keys
            .Select(k => k == EnvironmentNames.PreviewTemplate ? EnvironmentNames.PreviewPattern : k);
        var hint = EnvironmentNames.LooksLikePreview(name) ? " (a preview is pr-N with N a positive integer)" : string.Empty;
        throw new SettingsException(SourceFile, "environments",
            $"unknown environment '{name}'{hint}; known: {string.Join(", ", known)}");
    }
}
