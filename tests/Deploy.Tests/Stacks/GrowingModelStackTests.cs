using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Stacks;
using AppDelivery.Aspire.Deploy.Tests.Manifest;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>The eShop-shaped manifest deployed: what each kind of resource the model grows into becomes in AWS.</summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class GrowingModelStackTests(EshopEnvironment fixture) : IClassFixture<EshopEnvironment>
{
    private JsonObject Json => fixture.EnvironmentJson;

    private string App => fixture.Settings.AppName;

    [Fact]
    public void A_public_image_runs_as_is_with_a_port_mapping_per_endpoint()
    {
        var bus = Json.Container("eventbus");

        Assert.Equal("docker.io/library/rabbitmq:4.1-management", (string?)bus["Image"]);
        Assert.Equal(
            ["tcp:5672", "management:15672"],
            bus["PortMappings"]!.AsArray().Select(p => $"{p!["Name"]}:{p["ContainerPort"]}"));
        Assert.Contains("RABBITMQ_DEFAULT_PASS", Json.Container("eventbus").Secrets().Keys);
        Assert.DoesNotContain(ContainerEnvironment.HttpPortsVariable, bus.Variables().Keys);
        Assert.Equal(["--smtp", "1025", "--web", "1080"], Json.Container("mail")["Command"]!.AsArray().Select(a => (string)a!));
    }

    [Fact]
    public void Each_endpoint_of_a_container_answers_to_its_name_over_service_connect()
    {
        var services = Service("eventbus")["ServiceConnectConfiguration"]!["Services"]!.AsArray();

        Assert.Equal(
            ["eventbus tcp eventbus:5672", "eventbus-management management eventbus:15672"],
            services.Select(s => $"{s!["DiscoveryName"]} {s["PortName"]} {s["ClientAliases"]![0]!["DnsName"]}:{s["ClientAliases"]![0]!["Port"]}"));
    }

    [Fact]
    public void References_to_a_container_resolve_to_its_service_connect_name_and_port()
    {
        var worker = Json.Container("order-processor").Variables();

        Assert.Equal("mail", (string?)worker["Smtp__Host"]);
        Assert.Equal("1025", (string?)worker["Smtp__Port"]);
        Assert.Equal("5672", (string?)worker["EventBus__Port"]);
        Assert.Equal("http://catalog-api:8080", (string?)Json.Container("webhooks-client").Variables()["CATALOG_URL"]);
    }

    [Fact]
    public void A_caller_is_admitted_on_each_port_of_the_container_it_calls()
    {
        Assert.Equal(["OrderProcessor 1025", "OrderProcessor 1080"], Ingress("MailService"));
        Assert.Equal(
            ["BasketApi 15672", "BasketApi 5672", "CatalogApi 15672", "CatalogApi 5672", "OrderProcessor 15672", "OrderProcessor 5672"],
            Ingress("EventbusService"));
    }

    [Fact]
    public void A_container_runs_one_task_unless_its_size_is_set_while_projects_scale_out()
    {
        Assert.Equal((1, 1), Scaling("eventbus"));
        Assert.Equal((1, 1), Scaling("webhooks-client"));
        var size = fixture.EnvironmentSettings.DefaultService;
        Assert.Equal((size.MinCount, size.MaxCount), Scaling("catalog-api"));
        Assert.NotEqual(1, size.MaxCount);
    }

    [Fact]
    public void A_connection_string_embedding_a_generated_password_is_a_secret_composed_by_cloudformation()
    {
        var secretId = ComposedSecrets.LogicalId("catalog-api", "ConnectionStrings__eventbus");
        var api = Json.Container("catalog-api");
        Assert.DoesNotContain("ConnectionStrings__eventbus", api.Variables().Keys);
        Assert.Contains(secretId, api.Secrets()["ConnectionStrings__eventbus"].ToJsonString(), StringComparison.Ordinal);

        var value = Json.Resource(secretId).Properties()["SecretString"]!.ToJsonString();
        Assert.Contains("amqp://guest:{{resolve:secretsmanager:", value, StringComparison.Ordinal);
        Assert.Contains(":SecretString:value::}}@eventbus:5672", value, StringComparison.Ordinal);
        Assert.Contains(AppSecrets.LogicalId("eventbus-password"), value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dockerfile_container_runs_its_image_from_its_ecr_repository_at_the_deployment_tag()
    {
        var image = Json.Container("webhooks-client")["Image"]!.ToJsonString();

        Assert.Contains($"{App}/webhooks-client", image, StringComparison.Ordinal);
        Assert.Contains(SynthesizedEnvironment.ImageTag, image, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_projects_and_dockerfile_builds_get_a_repository()
    {
        var repositories = fixture.BaseJson.Resources("AWS::ECR::Repository").Select(r => (string)r.Resource.Properties()["RepositoryName"]!);

        Assert.Equal(
            new[] { "basket-api", "catalog-api", "catalog-migrations", "order-processor", "webapp", "webhooks-client" }.Select(w => $"{App}/{w}"),
            repositories.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Each_cache_is_its_own_serverless_cache_reachable_from_its_users_only()
    {
        var caches = Json.Resources("AWS::ElastiCache::ServerlessCache").ToDictionary(c => c.Id, c => (string)c.Resource.Properties()["ServerlessCacheName"]!);

        Assert.Equal(new Dictionary<string, string> { ["CacheBasketcache"] = $"{App}-dev-basketcache", ["CacheSessions"] = $"{App}-dev-sessions" }, caches);
        Assert.Equal([$"BasketApi {ServerlessCache.CachePort}"], Ingress("CacheBasketcache"));
        Assert.Equal([$"Webapp {ServerlessCache.CachePort}", $"WebhooksClient {ServerlessCache.CachePort}"], Ingress("CacheSessions"));
    }

    [Fact]
    public void Each_cache_signs_in_its_users_only_each_workload_as_one_iam_user()
    {
        var groups = Json.Resources("AWS::ElastiCache::UserGroup").ToDictionary(
            g => (string)g.Resource.Properties()["UserGroupId"]!,
            g => g.Resource.Properties()["UserIds"]!.AsArray().Select(u => (string)u!).ToArray());
        var users = Json.Resources("AWS::ElastiCache::User").Select(u => (string)u.Resource.Properties()["UserId"]!);

        Assert.Equal(
            new Dictionary<string, string[]>
            {
                [$"{App}-dev-basketcache"] = [$"{App}-dev-default", $"{App}-dev-basket-api"],
                [$"{App}-dev-sessions"] = [$"{App}-dev-default", $"{App}-dev-webapp", $"{App}-dev-webhooks-client"],
            },
            groups);
        Assert.Equal(
            new[] { $"{App}-dev-basket-api", $"{App}-dev-default", $"{App}-dev-webapp", $"{App}-dev-webhooks-client" },
            users.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_second_external_service_answers_at_its_own_host_name_on_the_same_load_balancer()
    {
        Assert.Single(Json.Resources("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        var rule = Assert.Single(Json.Resources("AWS::ElasticLoadBalancingV2::ListenerRule")).Resource.Properties();
        Assert.Equal(
            $"dev-webhooks-client.{EshopEnvironment.ZoneName}",
            (string?)rule["Conditions"]![0]!["HostHeaderConfig"]!["Values"]![0]);
        var targetGroup = Json.Resources("AWS::ElasticLoadBalancingV2::TargetGroup")
            .Single(t => t.Id.StartsWith("PublicLoadBalancerHttpsWebhooksClient", StringComparison.Ordinal)).Resource.Properties();
        Assert.Equal(3000, (int)targetGroup["Port"]!);
        Assert.Equal("/", (string?)targetGroup["HealthCheckPath"]);
        Assert.Equal(
            [$"dev-webhooks-client.{EshopEnvironment.ZoneName}.", $"dev.{EshopEnvironment.ZoneName}."],
            Json.Resources("AWS::Route53::RecordSet").Select(r => (string)r.Resource.Properties()["Name"]!).Order(StringComparer.Ordinal));
        Assert.NotNull(Json["Outputs"]!["UrlWebhooksClient"]);
    }

    [Fact]
    public void The_marked_job_runs_as_a_gate_and_the_worker_as_a_service_without_load_balancer()
    {
        Assert.DoesNotContain(Json.Resources("AWS::ECS::Service"), s => (string?)s.Resource.Properties()["ServiceName"] == "catalog-migrations");
        // The secrets check too: the eShop manifest has a secret parameter an operator sets (openai-key).
        Assert.Equal(
            ["CatalogMigrationsGateTrigger", "DatabaseAccessTrigger", "SecretsCheckTrigger"],
            Json.Resources("Custom::Trigger").Select(t => t.Id[..^8]).Order(StringComparer.Ordinal));
        var worker = Service("order-processor");
        Assert.Null(worker["LoadBalancers"]);
        Assert.Null(worker["ServiceConnectConfiguration"]!["Services"]);
    }

    [Fact]
    public void Two_databases_on_one_server_share_its_cluster_and_each_admits_only_the_workloads_that_reference_it()
    {
        Assert.Single(Json.Resources("AWS::RDS::DBCluster"));
        var (_, handler) = Assert.Single(Json.Resources("AWS::Lambda::Function"),
            f => f.Resource.Properties()["Environment"]?["Variables"]?["DATABASES"] is not null);
        var plan = string.Concat(handler.Properties()["Environment"]!["Variables"]!["DATABASES"]!["Fn::Join"]![1]!.AsArray()
            .Select(p => p is JsonValue ? (string?)p : "<token>"));

        Assert.Contains(
            """roles":["catalog_api","catalog_migrations","order_processor"],"databases":[{"name":"catalogdb","owners":["catalog_migrations"],"users":["catalog_api"]},{"name":"orderingdb","owners":["catalog_migrations"],"users":["order_processor"]}]""",
            plan,
            StringComparison.Ordinal);
        var ordering = (string)Json.Container("order-processor").Variables()["ConnectionStrings__orderingdb"]!["Fn::Join"]![1]![2]!;
        Assert.StartsWith($";Port={AuroraDatabase.DatabasePort};Database=orderingdb;Username=order_processor;", ordering, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Eshop_shaped_manifest_synthesizes_with_validation(string environment)
    {
        SynthesizeValidated(ManifestFixtures.EshopPath, environment, application =>
        {
            Assert.Equal(7, application.Services.Count());
            Assert.Equal(2, application.Caches.Count);
            Assert.Equal(2, application.DatabaseServers.Single().Databases.Count);
        });
    }

    /// <summary>Reads <paramref name="manifest"/> (settings with a domain) and synthesizes it as <c>synth</c> does, schema validation on.</summary>
    internal static void SynthesizeValidated(string manifest, string environment, Action<Model.ApplicationModel> assertModel)
    {
        CdkProcess.Initialize();
        var settings = ManifestFixtures.SettingsWithDomain();
        var application = ManifestReader.Read(manifest, settings).Model;
        assertModel(application);
        var outdir = Directory.CreateTempSubdirectory("cdk-grow-").FullName;
        try
        {
            var deployment = CloudAssemblyBuilder.Synthesize(application, settings, environment, SynthesizedEnvironment.ImageTag, outdir);

            var template = JsonNode.Parse(File.ReadAllText(Path.Combine(deployment.Directory, $"{deployment.EnvironmentStackName}.template.json")))!.AsObject();
            Assert.Equal(application.Services.Count(), template.Resources("AWS::ECS::Service").Count());
            Assert.Equal(application.Caches.Count, template.Resources("AWS::ElastiCache::ServerlessCache").Count());
            Assert.Equal(application.DatabaseServers.Count, template.Resources("AWS::RDS::DBCluster").Count());
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }

    private (int Min, int Max) Scaling(string service)
    {
        var target = Json.Resources("AWS::ApplicationAutoScaling::ScalableTarget")
            .Single(t => t.Resource.Properties()["ResourceId"]!.ToJsonString().Contains($"\"{NameCase.Pascal(service)}Service", StringComparison.Ordinal)).Resource.Properties();
        return ((int)target["MinCapacity"]!, (int)target["MaxCapacity"]!);
    }

    private JsonObject Service(string name) =>
        Json.Resources("AWS::ECS::Service").Single(s => (string?)s.Resource.Properties()["ServiceName"] == name).Resource.Properties();

    /// <summary>"{source scope} {port}" for each ingress rule into the security group whose logical ID starts with <paramref name="group"/>.</summary>
    private string[] Ingress(string group)
    {
        var groupId = Json.Resources("AWS::EC2::SecurityGroup").Single(g => g.Id.StartsWith(group, StringComparison.Ordinal)).Id;
        return Json.Resources("AWS::EC2::SecurityGroupIngress")
            .Select(r => r.Resource.Properties())
            .Where(r => r["GroupId"]!.ToJsonString().Contains($"\"{groupId}\"", StringComparison.Ordinal))
            .Select(r => $"{SourceScope(r["SourceSecurityGroupId"]!["Fn::GetAtt"]![0]!.GetValue<string>())} {(int)r["FromPort"]!}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static string SourceScope(string securityGroupId) =>
        securityGroupId[..securityGroupId.IndexOf("Service", StringComparison.Ordinal)];
}
