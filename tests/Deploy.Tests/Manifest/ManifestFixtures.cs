using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>Manifests for focused tests: the 13.5.2 reference with its PostgreSQL pinned to 17, edited per test.</summary>
internal static class ManifestFixtures
{
    public const string FileName = "test-manifest.json";

    public static string ReferencePath => Path.Combine(RepositoryPaths.Root, "tests", "Deploy.Tests", "Manifest", "Data", "aspire-13.5.2-reference.json");

    public const string ZoneName = "example.com";

    public static DeploymentSettings Settings(params string[] jobs) =>
        DeploymentSettingsLoader.Load(RepositoryPaths.Settings) with { Jobs = jobs };

    /// <summary>With a domain, so that several external services each get a host name.</summary>
    public static DeploymentSettings SettingsWithDomain(params string[] jobs) =>
        Settings(jobs) with { Domain = new DomainSettings(ZoneName, ExistingHostedZoneId: null) };

    /// <summary>The eShop-shaped manifest: projects, a worker, a job, two databases on one server, two caches, RabbitMQ, maildev, a Dockerfile build, an operator secret.</summary>
    public static string EshopPath => Path.Combine(RepositoryPaths.Root, "tests", "Deploy.Tests", "Manifest", "Data", "eshop-shaped.json");

    /// <summary>The reference manifest with <c>postgres:17.6</c>, whose job is <c>migrator</c>.</summary>
    public static JsonObject Reference()
    {
        var root = JsonNode.Parse(File.ReadAllText(ReferencePath))!.AsObject();
        root["resources"]!["pg"]!["image"] = "docker.io/library/postgres:17.6";
        return root;
    }

    public static JsonObject Resources(this JsonObject manifest) => manifest["resources"]!.AsObject();

    public static ManifestReadResult Read(JsonObject manifest, params string[] jobs) =>
        ManifestReader.Parse(manifest.ToJsonString(), FileName, Settings(jobs));

    public static ManifestException ReadFails(JsonObject manifest, params string[] jobs) =>
        Assert.Throws<ManifestException>(() => Read(manifest, jobs));
}
