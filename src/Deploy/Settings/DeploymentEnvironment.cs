namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>
/// One environment to synthesize: <c>dev</c>, <c>staging</c>, <c>prod</c>, or a preview <c>pr-N</c> made from
/// the <c>pr</c> template. <see cref="Settings"/> always has a <see cref="EnvironmentSettings.Hostname"/>.
/// </summary>
/// <param name="Name">As given on the command line, e.g. <c>pr-42</c>; part of stack names.</param>
/// <param name="PullRequestNumber">Set for previews only.</param>
public sealed record DeploymentEnvironment(string Name, EnvironmentSettings Settings, int? PullRequestNumber)
{
    public bool IsPreview => PullRequestNumber is not null;

    public string Hostname => Settings.Hostname ?? Name;
}
