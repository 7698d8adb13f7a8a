using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Settings;

public sealed class EnvironmentResolutionTests
{
    private readonly DeploymentSettings _settings = DeploymentSettingsLoader.Load(RepositoryPaths.Settings);

    [Theory]
    [InlineData("dev", "dev")]
    [InlineData("staging", "staging")]
    [InlineData("prod", "www")]
    public void Fixed_environments_keep_their_host_name(string name, string hostname)
    {
        var environment = _settings.ResolveEnvironment(name);

        Assert.Equal(name, environment.Name);
        Assert.Equal(hostname, environment.Hostname);
        Assert.False(environment.IsPreview);
        Assert.Same(_settings.Environments[name].Database, environment.Settings.Database);
    }

    [Fact]
    public void Preview_is_made_from_the_pr_template()
    {
        var environment = _settings.ResolveEnvironment("pr-42");

        Assert.Equal("pr-42", environment.Name);
        Assert.Equal(42, environment.PullRequestNumber);
        Assert.Equal("pr-42", environment.Hostname);
        Assert.Equal("pr-42", environment.Settings.Hostname);
        Assert.Equal(_settings.Environments["pr"].MonthlyBudgetUsd, environment.Settings.MonthlyBudgetUsd);
    }

    [Theory]
    [InlineData("qa")]
    [InlineData("pr")]
    [InlineData("pr-0")]
    [InlineData("pr-01")]
    [InlineData("pr-x")]
    [InlineData("Dev")]
    public void Unknown_environment_names_the_file_and_field_environments(string name)
    {
        var error = Assert.Throws<SettingsException>(() => _settings.ResolveEnvironment(name));

        Assert.Equal(RepositoryPaths.Settings, error.File);
        Assert.Equal("environments", error.Field);
        Assert.Contains($"'{name}'", error.Detail, StringComparison.Ordinal);
    }
}
