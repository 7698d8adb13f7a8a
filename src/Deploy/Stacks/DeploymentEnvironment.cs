using System.Text.RegularExpressions;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>
/// One target environment: a named entry of <see cref="DeploymentSettings.Environments"/>, or a pull-request
/// preview <c>pr-N</c> that takes the sizes of the <c>pr</c> entry.
/// </summary>
public sealed partial record DeploymentEnvironment(string Name, EnvironmentSettings Settings)
{
    /// <summary>Settings key every <c>pr-N</c> preview environment is sized from.</summary>
    public const string PreviewSettingsKey = "pr";

    public bool IsPreview => PreviewName().IsMatch(Name);

    /// <summary>Left part of the public host name: the configured one, or the environment name for previews.</summary>
    public string Hostname => Settings.Hostname ?? Name;

    public static DeploymentEnvironment Resolve(DeploymentSettings settings, string name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!ValidName().IsMatch(name))
        {
            throw new ArgumentException(
                $"Environment name '{name}' must be lower-case letters, digits and dashes, start with a letter, at most 20 characters.",
                nameof(name));
        }

        var key = PreviewName().IsMatch(name) ? PreviewSettingsKey : name;
        if (name == PreviewSettingsKey || !settings.Environments.TryGetValue(key, out var environment))
        {
            var known = string.Join(", ", settings.Environments.Keys.Where(k => k != PreviewSettingsKey));
            throw new ArgumentException(
                $"Unknown environment '{name}'. Use one of: {known}, or pr-<number> for a pull-request preview (sized by '{PreviewSettingsKey}').",
                nameof(name));
        }

        return new DeploymentEnvironment(name, environment);
    }

    [GeneratedRegex("^pr-[0-9]+$")]
    private static partial Regex PreviewName();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex ValidName();
}
