using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>What the model grows into: containers, Dockerfile builds, several caches and external services, marked jobs.</summary>
public sealed class ContainerManifestTests
{
    private static readonly ManifestReadResult Eshop = ManifestReader.Read(ManifestFixtures.EshopPath, ManifestFixtures.SettingsWithDomain());

    private static WorkloadModel Workload(string name) => Eshop.Model.Workloads.Single(w => w.Name == name);

    private static EnvValue Variable(string workload, string name) => Workload(workload).Environment.Single(e => e.Name == name).Value;

    [Fact]
    public void A_public_image_is_a_workload_with_its_ports_args_and_secret_env()
    {
        var bus = Workload("eventbus");

        Assert.Equal(new RegistryImage("docker.io/library/rabbitmq:4.1-management"), bus.Image);
        Assert.Equal(WorkloadKind.Service, bus.Kind);
        Assert.Equal([new EndpointModel("tcp", "tcp", false, 5672), new EndpointModel("management", "http", false, 15672)], bus.Endpoints);
        Assert.Equal(new SecretValue("eventbus-password"), Variable("eventbus", "RABBITMQ_DEFAULT_PASS"));
        Assert.Equal(["--smtp", "1025", "--web", "1080"], Workload("mail").Args);
    }

    [Fact]
    public void References_to_a_container_endpoint_become_service_connect_values()
    {
        Assert.Equal(new ServiceHostValue("mail"), Variable("order-processor", "Smtp__Host"));
        Assert.Equal(new ServicePortValue("mail", "smtp"), Variable("order-processor", "Smtp__Port"));
        Assert.Equal(new ServiceHostValue("eventbus"), Variable("basket-api", "EventBus__Host"));
    }

    [Fact]
    public void A_connection_string_embedding_a_generated_secret_is_kept_whole()
    {
        Assert.Equal(
            new CompositeValue([new LiteralValue("amqp://guest:"), new SecretValue("eventbus-password"), new LiteralValue("@"), new ServiceHostValue("eventbus"), new LiteralValue(":"), new ServicePortValue("eventbus", "tcp")]),
            Variable("catalog-api", "ConnectionStrings__eventbus"));
        Assert.DoesNotContain(Eshop.Warnings, w => w.Field == "resources.catalog-api.env.ConnectionStrings__eventbus");
    }

    [Fact]
    public void A_value_embedding_an_operator_secret_is_dropped_with_a_warning()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["api"]!["env"]!["Remote"] = "https://user:{secret.value}@example.com";

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.DoesNotContain(result.Model.Workloads.Single(w => w.Name == "api").Environment, e => e.Name == "Remote");
        Assert.Contains(result.Warnings, w => w.Field == "resources.api.env.Remote" && w.Message.Contains("only generated secrets", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dockerfile_container_is_built_with_its_literal_args()
    {
        var client = Workload("webhooks-client");

        Assert.Equal(new DockerfileImage("../WebhookClient", "../WebhookClient/Dockerfile", new Dictionary<string, string> { ["NODE_ENV"] = "production" }), client.Image);
        Assert.True(client.Image.InRepository);
        Assert.Equal([new EndpointModel("http", "http", true, 3000)], client.Endpoints);
        Assert.Equal(new ServiceUrlValue("catalog-api", "http"), Variable("webhooks-client", "CATALOG_URL"));
    }

    [Fact]
    public void Each_valkey_or_redis_resource_is_a_cache_referenced_by_name()
    {
        Assert.Equal([new CacheModel("basketcache", "redis"), new CacheModel("sessions", "valkey")], Eshop.Model.Caches);
        Assert.Equal(new CacheConnectionStringValue("basketcache"), Variable("basket-api", "ConnectionStrings__basketcache"));
        Assert.Equal(new CacheConnectionStringValue("sessions"), Variable("webapp", "ConnectionStrings__sessions"));
    }

    [Fact]
    public void A_workload_marked_run_once_is_a_job_and_the_mark_is_not_deployed()
    {
        var migrations = Workload("catalog-migrations");

        Assert.Equal(WorkloadKind.Job, migrations.Kind);
        Assert.DoesNotContain(migrations.Environment, e => e.Name == ConfigurationKeys.RunOnceEnvironmentVariable);
        Assert.Equal(["catalog-migrations"], Eshop.Model.Jobs.Select(j => j.Name));
    }

    [Fact]
    public void Several_databases_on_one_server_are_one_server_each_referenced_by_its_workloads()
    {
        Assert.Equal(
            [new DatabaseServerModel("postgres", "postgres", 17, [new DatabaseModel("catalogdb", "catalogdb"), new DatabaseModel("orderingdb", "orderingdb")])],
            Eshop.Model.DatabaseServers);
        Assert.Equal(new DatabaseConnectionStringValue("orderingdb"), Variable("order-processor", "ConnectionStrings__orderingdb"));
        Assert.Equal(new DatabaseConnectionStringValue("catalogdb"), Variable("catalog-api", "ConnectionStrings__catalogdb"));
    }

    [Fact]
    public void A_worker_without_endpoints_is_a_service()
    {
        var worker = Workload("order-processor");

        Assert.Equal(WorkloadKind.Service, worker.Kind);
        Assert.False(worker.HasEndpoint);
    }

    [Fact]
    public void The_operator_secret_is_a_secret_without_generator()
    {
        Assert.Contains(new SecretModel("openai-key", Generate: null), Eshop.Model.Secrets);
    }

    [Fact]
    public void Several_external_services_without_a_domain_name_the_setting()
    {
        var error = Assert.Throws<SettingsException>(() => ManifestReader.Read(ManifestFixtures.EshopPath, ManifestFixtures.Settings()));

        Assert.Equal("domain", error.Field);
        Assert.Contains("2 external services (webapp, webhooks-client)", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_in_the_settings_still_mark_a_workload_of_an_unmarked_manifest()
    {
        var result = ManifestFixtures.Read(ManifestFixtures.Reference(), "migrator");

        Assert.Equal(["migrator"], result.Model.Jobs.Select(j => j.Name));
    }

    [Fact]
    public void Without_mark_or_setting_a_workload_is_a_service()
    {
        var result = ManifestFixtures.Read(ManifestFixtures.Reference());

        Assert.Empty(result.Model.Jobs);
    }

    [Fact]
    public void A_container_job_is_allowed()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["seed"] = JsonNode.Parse("""{"type":"container.v0","image":"docker.io/library/busybox:1.37","args":["true"],"env":{"DEPLOYMENT_RUN_ONCE":"true"}}""");

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.Equal(["migrator", "seed"], result.Model.Jobs.Select(j => j.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Postgres_and_cache_volumes_are_ignored_as_their_data_lives_in_aurora_and_elasticache()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["cache"]!["volumes"] = JsonNode.Parse("""[{"name":"cache-data","target":"/data","readOnly":false}]""");
        manifest.Resources()["pg"]!["volumes"] = JsonNode.Parse("""[{"name":"pg-data","target":"/var/lib/postgresql/data","readOnly":false}]""");

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.Single(result.Model.Caches);
        Assert.Single(result.Model.DatabaseServers);
    }
}
