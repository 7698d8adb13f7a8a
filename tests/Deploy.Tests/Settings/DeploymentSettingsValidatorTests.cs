using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Settings;

public sealed class DeploymentSettingsValidatorTests
{
    public static TheoryData<string, string, string> InvalidValues => new()
    {
        // path, JSON value, field the error must name
        { "account", "\"12345\"", "account" },
        { "account", "\"12345678901a\"", "account" },
        { "region", "\"Europe\"", "region" },
        { "availabilityZones", "[\"eu-west-1a\"]", "availabilityZones" },
        { "availabilityZones", "[\"eu-west-1a\", \"us-east-1b\"]", "availabilityZones[1]" },
        { "availabilityZones", "[\"eu-west-1a\", \"eu-west-1a\"]", "availabilityZones" },
        { "natGateways", "3", "natGateways" },
        { "cpuArchitecture", "\"arm\"", "cpuArchitecture" },
        { "appName", "\"App Delivery\"", "appName" },
        { "jobs", "[\"migrations\", \"migrations\"]", "jobs" },
        { "gitHub.repository", "\"just-a-name\"", "gitHub.repository" },
        { "gitHub.existingOidcProviderArn", "\"arn:aws:iam::222222222222:oidc-provider/token.actions.githubusercontent.com\"", "gitHub.existingOidcProviderArn" },
        { "domain", "{\"zoneName\": \"not a domain\", \"existingHostedZoneId\": null}", "domain.zoneName" },
        { "environments.dev.defaultService.cpu", "300", "environments.dev.defaultService.cpu" },
        { "environments.dev.defaultService.memoryMiB", "4096", "environments.dev.defaultService.memoryMiB" },
        { "environments.staging.defaultService.memoryMiB", "1536", "environments.staging.defaultService.memoryMiB" },
        { "environments.dev.defaultService.desiredCount", "5", "environments.dev.defaultService.desiredCount" },
        { "environments.dev.defaultService.minCount", "-1", "environments.dev.defaultService.minCount" },
        { "environments.dev.services", "{\"api\": {\"cpu\": 256, \"memoryMiB\": 8192, \"desiredCount\": 1, \"minCount\": 1, \"maxCount\": 1}}", "environments.dev.services.api.memoryMiB" },
        { "environments.dev.database.minAcu", "0.3", "environments.dev.database.minAcu" },
        { "environments.dev.database.maxAcu", "300", "environments.dev.database.maxAcu" },
        { "environments.dev.database.maxAcu", "0.5", "environments.dev.database.maxAcu" },
        { "environments.staging.database.minAcu", "8", "environments.staging.database.maxAcu" },
        { "environments.dev.database.backupRetentionDays", "40", "environments.dev.database.backupRetentionDays" },
        { "environments.dev.logRetentionDays", "10", "environments.dev.logRetentionDays" },
        { "environments.dev.monthlyBudgetUsd", "0", "environments.dev.monthlyBudgetUsd" },
        { "environments.dev.alarmEmail", "\"ops\"", "environments.dev.alarmEmail" },
        { "environments.prod.hostname", "\"dev\"", "environments.prod.hostname" },
        { "environments.dev.hostname", "\"pr-3\"", "environments.dev.hostname" },
        { "environments.pr.hostname", "\"preview\"", "environments.pr.hostname" },
        { "environments.prod.scaleToZeroOutsideWorkingHours", "true", "environments.prod.scaleToZeroOutsideWorkingHours" },
        { "environments.prod.seedData", "true", "environments.prod.seedData" },
        { "environments", "{}", "environments" },
        { "environments.prod.cloudFront", "false", "environments.prod.cloudFront" },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Invalid_value_names_the_file_and_field(string path, string json, string expectedField)
    {
        var broken = SettingsJson.With(path, JsonNode.Parse(json));

        var error = Assert.Throws<SettingsException>(() =>
            DeploymentSettingsLoader.Parse(broken.ToJsonString(), SettingsJson.FileName));

        Assert.Equal(SettingsJson.FileName, error.File);
        Assert.Equal(expectedField, error.Field);
        Assert.StartsWith($"{SettingsJson.FileName}: {expectedField}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_without_a_known_cloud_front_prefix_list_is_refused_unless_a_domain_is_set()
    {
        var settings = SettingsJson.With("region", JsonValue.Create("ap-east-2"));
        settings["availabilityZones"] = JsonNode.Parse("[\"ap-east-2a\", \"ap-east-2b\"]");

        var error = Assert.Throws<SettingsException>(() => DeploymentSettingsLoader.Parse(settings.ToJsonString(), SettingsJson.FileName));
        Assert.Equal("region", error.Field);

        settings["domain"] = JsonNode.Parse("{\"zoneName\": \"example.com\", \"existingHostedZoneId\": null}");
        Assert.Equal("ap-east-2", DeploymentSettingsLoader.Parse(settings.ToJsonString(), SettingsJson.FileName).Region);
    }

    [Fact]
    public void Plain_http_is_allowed_outside_production_and_with_a_domain()
    {
        var settings = SettingsJson.With("environments.dev.cloudFront", JsonValue.Create(false));
        Assert.False(DeploymentSettingsLoader.Parse(settings.ToJsonString(), SettingsJson.FileName).Environments["dev"].CloudFront);

        settings = SettingsJson.With("environments.prod.cloudFront", JsonValue.Create(false));
        settings["domain"] = JsonNode.Parse("{\"zoneName\": \"example.com\", \"existingHostedZoneId\": null}");
        Assert.False(DeploymentSettingsLoader.Parse(settings.ToJsonString(), SettingsJson.FileName).Environments["prod"].CloudFront);
    }

    [Fact]
    public void Environment_named_like_a_preview_is_rejected()
    {
        var broken = SettingsJson.Committed();
        broken["environments"]!["pr-1"] = broken["environments"]!["dev"]!.DeepClone();
        broken["environments"]!["pr-1"]!["hostname"] = "other";

        var error = Assert.Throws<SettingsException>(() =>
            DeploymentSettingsLoader.Parse(broken.ToJsonString(), SettingsJson.FileName));

        Assert.Equal("environments.pr-1", error.Field);
    }

    [Theory]
    [InlineData(256, 512, true)]
    [InlineData(256, 2048, true)]
    [InlineData(256, 1536, false)]
    [InlineData(512, 4096, true)]
    [InlineData(512, 512, false)]
    [InlineData(1024, 3072, true)]
    [InlineData(4096, 30720, true)]
    [InlineData(8192, 20480, true)]
    [InlineData(8192, 18432, false)]
    [InlineData(16384, 40960, true)]
    [InlineData(768, 2048, false)]
    public void Fargate_combinations(int cpu, int memoryMiB, bool valid) =>
        Assert.Equal(valid, FargateTaskSizes.IsValid(cpu, memoryMiB));
}
