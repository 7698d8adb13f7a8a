using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Settings;

public sealed class DeploymentSettingsLoaderTests
{
    [Fact]
    public void Committed_settings_load_with_four_environments()
    {
        var settings = DeploymentSettingsLoader.Load(RepositoryPaths.Settings);

        Assert.Equal(["dev", "pr", "prod", "staging"], settings.Environments.Keys.Order());
        Assert.Equal(RepositoryPaths.Settings, settings.SourceFile);
        Assert.Empty(settings.Jobs); // the AppHost marks the migrations in the manifest
    }

    [Fact]
    public void Jobs_default_to_none_when_left_out()
    {
        var settings = Parse(SettingsJson.Without("jobs"));

        Assert.Empty(settings.Jobs);
    }

    [Fact]
    public void Missing_file_names_the_file()
    {
        var error = Assert.Throws<SettingsException>(() => DeploymentSettingsLoader.Load("no-such-settings.json"));

        Assert.Equal("no-such-settings.json", error.File);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_names_the_file_and_line()
    {
        var error = Assert.Throws<SettingsException>(() =>
            DeploymentSettingsLoader.Parse("{\n  \"appName\": \"x\",\n  oops\n}", SettingsJson.FileName));

        Assert.Equal(SettingsJson.FileName, error.File);
        Assert.Equal("line 3", error.Field);
        Assert.StartsWith("test-settings.json: line 3: invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_field_is_named()
    {
        var error = Assert.Throws<SettingsException>(() => Parse(SettingsJson.Without("environments.dev.hostname")));

        Assert.Equal("environments.dev", error.Field);
        Assert.Contains("hostname", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_is_named()
    {
        var error = Assert.Throws<SettingsException>(() => Parse(SettingsJson.With("environments.dev.database.minACU", 1)));

        Assert.Equal("environments.dev.database.minACU", error.Field);
        Assert.Equal("unknown field", error.Detail);
    }

    [Fact]
    public void Wrong_type_is_named()
    {
        var error = Assert.Throws<SettingsException>(() => Parse(SettingsJson.With("environments.prod.defaultService.cpu", "1 vCPU")));

        Assert.Equal("environments.prod.defaultService.cpu", error.Field);
        Assert.Equal("expected an integer", error.Detail);
    }

    [Fact]
    public void Wrong_type_in_a_dictionary_entry_is_named()
    {
        var error = Assert.Throws<SettingsException>(() => Parse(SettingsJson.With("environments.dev.services", JsonNode.Parse("{\"api\": {\"cpu\": true}}"))));

        Assert.Equal("environments.dev.services.api.cpu", error.Field);
        Assert.Equal("expected an integer", error.Detail);
    }

    [Fact]
    public void Null_for_a_required_field_is_named()
    {
        var error = Assert.Throws<SettingsException>(() => Parse(SettingsJson.With("region", null)));

        Assert.Equal("region", error.Field);
        Assert.Equal("must not be null", error.Detail);
    }

    private static DeploymentSettings Parse(JsonObject json) =>
        DeploymentSettingsLoader.Parse(json.ToJsonString(), SettingsJson.FileName);
}
