using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using AppDelivery.Aspire.Deploy.Constructs;
using Xunit.Abstractions;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

// Imported inside the namespace, so that Api, Web and Migrations mean these names even in an app whose own
// namespace ends in one of them (Contoso.Api): names from enclosing namespaces are looked up after this.
using static TestApplication;

/// <summary>What every environment stack must hold; bound to each environment by the sealed classes below.</summary>
[Collection(CdkCollectionDefinition.Name)]
public abstract class EnvironmentStackTests<TEnvironment>(TEnvironment fixture, ITestOutputHelper output)
    where TEnvironment : SynthesizedEnvironment
{
    private const string GeneratedConnectionStringStart = "Host=";

    protected TEnvironment Fixture { get; } = fixture;

    private JsonObject Json => Fixture.EnvironmentJson;

    [Fact]
    public void Holds_one_of_each_stateful_resource_and_one_service_per_service()
    {
        var counts = Json.Resources().GroupBy(r => (string)r.Resource["Type"]!).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(
            $"{Fixture.EnvironmentName}: environment stack {Json.Resources().Count()} resources, base stack {Fixture.BaseJson.Resources().Count()}; " +
            $"synthesis {Fixture.SynthesisTime.TotalSeconds:F1} s{(Fixture.IsFirstSynthesisInProcess ? " (first in process, includes jsii start)" : string.Empty)}");
        foreach (var (type, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {type}: {count}");
        }

        Assert.Equal(1, counts["AWS::ECS::Cluster"]);
        Assert.Equal(2, counts["AWS::ECS::Service"]);
        Assert.Equal(3, counts["AWS::ECS::TaskDefinition"]);
        Assert.Equal(1, counts["AWS::RDS::DBCluster"]);
        Assert.Equal(Fixture.EnvironmentSettings.Production ? 2 : 1, counts["AWS::RDS::DBInstance"]);
        Assert.Equal(1, counts["AWS::ElastiCache::ServerlessCache"]);
        Assert.Equal(1, counts["AWS::ElastiCache::UserGroup"]);
        // The switched-off default user, and one each for the Api and the Web.
        Assert.Equal(3, counts["AWS::ElastiCache::User"]);
        // The app's api-key and the CloudFront origin secret; the database master secret is RDS's own, not the template's.
        Assert.Equal(2, counts["AWS::SecretsManager::Secret"]);
        Assert.Equal(1, counts["AWS::ElasticLoadBalancingV2::LoadBalancer"]);
        Assert.Equal(1, counts["AWS::WAFv2::WebACL"]);
        Assert.Equal(1, counts["AWS::CloudFront::Distribution"]);
        Assert.Equal(2, counts["Custom::Trigger"]);
        Assert.Equal(1, counts["AWS::Budgets::Budget"]);
        Assert.Equal(1, counts["AWS::CloudWatch::Dashboard"]);
    }

    [Fact]
    public void Stateful_resources_keep_their_logical_ids()
    {
        Assert.Equal("AWS::RDS::DBCluster", (string?)Json.Resource(AuroraDatabase.ClusterLogicalId)["Type"]);
        Assert.Equal("AWS::RDS::DBInstance", (string?)Json.Resource(AuroraDatabase.WriterLogicalId)["Type"]);
        Assert.Equal("AWS::ElastiCache::ServerlessCache", (string?)Json.Resource(ServerlessCache.CacheLogicalId)["Type"]);
        Assert.Equal("AWS::SecretsManager::Secret", (string?)Json.Resource("AppSecretApiKey")["Type"]);
        foreach (var workload in new[] { Api, Web, Migrations })
        {
            Assert.Equal("AWS::ECR::Repository", (string?)Fixture.BaseJson.Resource(ContainerRepositories.LogicalId(workload))["Type"]);
        }
    }

    [Fact]
    public void Aurora_is_encrypted_serverless_v2_postgre_sql17_sized_from_settings()
    {
        var size = Fixture.EnvironmentSettings.Database;
        Fixture.Environment.HasResourceProperties("AWS::RDS::DBCluster", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Engine"] = "aurora-postgresql",
            ["EngineVersion"] = Match.StringLikeRegexp("^17\\."),
            ["StorageEncrypted"] = true,
            ["EnableIAMDatabaseAuthentication"] = true,
            ["MasterUsername"] = "postgres",
            ["ManageMasterUserPassword"] = true,
            ["EnableHttpEndpoint"] = true,
            ["Port"] = AuroraDatabase.DatabasePort,
            ["ServerlessV2ScalingConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["MinCapacity"] = size.MinAcu,
                ["MaxCapacity"] = size.MaxAcu,
            }),
        }));
        Fixture.Environment.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(new Dictionary<string, object>
        {
            ["DBInstanceClass"] = "db.serverless",
            ["PubliclyAccessible"] = false,
        }));
    }

    [Fact]
    public void Production_database_has_a_reader_in_another_zone_as_its_failover_target()
    {
        var instances = Json.Resources("AWS::RDS::DBInstance").ToDictionary(i => i.Id, i => i.Resource.Properties());
        Assert.Contains(AuroraDatabase.WriterLogicalId, instances.Keys);
        if (!Fixture.EnvironmentSettings.Production)
        {
            Assert.Single(instances);
            return;
        }

        var reader = instances[AuroraDatabase.ReaderLogicalId];
        Assert.Equal(Fixture.Settings.AvailabilityZones[1], (string?)reader["AvailabilityZone"]);
        Assert.Equal("db.serverless", (string?)reader["DBInstanceClass"]);
        Assert.Equal(1, (int)reader["PromotionTier"]!);
    }

    [Fact]
    public void Database_protection_and_backups_follow_production()
    {
        var production = Fixture.EnvironmentSettings.Production;
        var cluster = Json.Resource(AuroraDatabase.ClusterLogicalId);
        Assert.Equal(production, (bool?)cluster.Properties()["DeletionProtection"] ?? false);
        Assert.Equal(production ? "Snapshot" : "Delete", (string?)cluster["DeletionPolicy"]);
        Assert.Equal(Fixture.EnvironmentSettings.Database.BackupRetentionDays, (int)cluster.Properties()["BackupRetentionPeriod"]!);
        if (production)
        {
            Assert.Equal(35, (int)cluster.Properties()["BackupRetentionPeriod"]!);
        }
    }

    [Fact]
    public void Cache_is_serverless_valkey_in_isolated_subnets()
    {
        var cache = Json.Resource(ServerlessCache.CacheLogicalId).Properties();
        Assert.Equal("valkey", (string?)cache["Engine"]);
        Assert.Equal(2, cache["SubnetIds"]!.AsArray().Count);
        Assert.All(cache["SubnetIds"]!.AsArray(), s => Assert.Contains("isolated", s!.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Database_connection_string_carries_no_password()
    {
        var value = new Capture();
        Fixture.Environment.HasResourceProperties("AWS::ECS::TaskDefinition", ContainerWithVariable(Api, "ConnectionStrings__appdb", value));
        var json = JsonSerializer.Serialize(value.AsObject());
        Assert.Contains(GeneratedConnectionStringStart, json, StringComparison.Ordinal);
        Assert.Contains(
            $";Port={AuroraDatabase.DatabasePort};Database=appdb;Username=api;SSL Mode=VerifyFull;Root Certificate=/app/rds-global-bundle.pem;Timeout=30",
            json,
            StringComparison.Ordinal);
        Assert.Contains(AuroraDatabase.ClusterLogicalId, json, StringComparison.Ordinal);
        Assert.DoesNotContain("password", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_database_user_signs_in_with_iam_as_its_own_role_and_nobody_else_may()
    {
        var connects = Json.PolicyStatements()
            .Where(s => s.Statement["Action"]!.ToJsonString().Contains("rds-db:connect", StringComparison.Ordinal))
            .ToList();
        foreach (var workload in new[] { Api, Migrations })
        {
            var container = Json.Container(workload);
            Assert.Equal("true", (string?)container.Variables()[ContainerEnvironment.DatabaseIamAuthenticationVariable]);
            Assert.DoesNotContain(container.Secrets().Keys, k => k.Contains("PG", StringComparison.Ordinal) || k.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase));
            var statement = Assert.Single(connects, s => s.Id.StartsWith($"{NameCase.Pascal(workload)}TaskTaskDefinitionTaskRole", StringComparison.Ordinal)).Statement;
            var resource = statement["Resource"]!.ToJsonString();
            Assert.Contains("DBClusterResourceId", resource, StringComparison.Ordinal);
            Assert.EndsWith($"/{workload}\"]]}}", resource, StringComparison.Ordinal);
        }

        Assert.Equal(2, connects.Count);
        Assert.DoesNotContain(ContainerEnvironment.DatabaseIamAuthenticationVariable, Json.Container(Web).Variables().Keys);
        var cluster = Json.Resource(AuroraDatabase.ClusterLogicalId).Properties();
        Assert.True((bool)cluster["EnableIAMDatabaseAuthentication"]!);
        Assert.True((bool)cluster["ManageMasterUserPassword"]!);
        Assert.Null(cluster["MasterUserPassword"]);
    }

    [Fact]
    public void Api_key_reaches_both_services_as_an_ecs_secret_only()
    {
        foreach (var workload in new[] { Api, Web })
        {
            var container = Json.Container(workload);
            Assert.DoesNotContain("Auth__ApiKey", container.Variables().Keys);
            var secret = container.Secrets()["Auth__ApiKey"].ToJsonString();
            Assert.Contains("AppSecretApiKey", secret, StringComparison.Ordinal);
            Assert.Contains($":{AppSecrets.ValueKey}::", secret, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cache_connection_string_uses_tls_on_the_serverless_endpoint()
    {
        var value = new Capture();
        Fixture.Environment.HasResourceProperties("AWS::ECS::TaskDefinition", ContainerWithVariable(Web, "ConnectionStrings__cache", value));
        var json = JsonSerializer.Serialize(value.AsObject());
        Assert.Contains($"[\"{ServerlessCache.CacheLogicalId}\",\"Endpoint.Address\"]", json, StringComparison.Ordinal);
        Assert.Contains($":6379,ssl=true,abortConnect=false,user={CacheUserId(Web)}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("password", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Cache_signs_in_only_its_workloads_iam_users_and_its_default_user_is_switched_off()
    {
        var cache = Json.Resource(ServerlessCache.CacheLogicalId);
        var group = Assert.Single(Json.Resources("AWS::ElastiCache::UserGroup"));
        var groupProperties = group.Resource.Properties();
        Assert.Equal(CachePrefix, (string?)cache.Properties()["UserGroupId"]);
        Assert.Equal(CachePrefix, (string?)groupProperties["UserGroupId"]);
        Assert.Contains(group.Id, cache["DependsOn"]!.AsArray().Select(d => (string?)d));
        Assert.Equal(CacheUsers.Engine, (string?)groupProperties["Engine"]);

        var users = Json.Resources("AWS::ElastiCache::User").ToDictionary(u => (string)u.Resource.Properties()["UserId"]!, u => u.Resource.Properties());
        Assert.Equal(
            new[] { $"{CachePrefix}-default", CacheUserId(Api), CacheUserId(Web) },
            groupProperties["UserIds"]!.AsArray().Select(u => (string)u!).ToArray());
        Assert.Equal(users.Keys.Order(StringComparer.Ordinal), groupProperties["UserIds"]!.AsArray().Select(u => (string)u!).Order(StringComparer.Ordinal));

        var defaultUser = users[$"{CachePrefix}-default"];
        Assert.Equal("default", (string?)defaultUser["UserName"]);
        Assert.StartsWith("off ", (string?)defaultUser["AccessString"], StringComparison.Ordinal);
        foreach (var workload in new[] { Api, Web })
        {
            var user = users[CacheUserId(workload)];
            Assert.Equal(CacheUserId(workload), (string?)user["UserName"]);
            Assert.Equal("iam", (string?)user["AuthenticationMode"]!["Type"]);
            Assert.Equal(CacheUsers.Engine, (string?)user["Engine"]);
            Assert.StartsWith("on ", (string?)user["AccessString"], StringComparison.Ordinal);
            Assert.Null(user["Passwords"]);
        }
    }

    [Fact]
    public void Cache_workloads_sign_in_with_iam_tokens_of_their_task_role_for_their_own_user_only()
    {
        var connects = Json.PolicyStatements()
            .Where(s => s.Statement["Action"]!.ToJsonString().Contains("elasticache:", StringComparison.Ordinal))
            .ToList();
        var userIds = Json.Resources("AWS::ElastiCache::User").ToDictionary(u => (string)u.Resource.Properties()["UserId"]!, u => u.Id);
        foreach (var workload in new[] { Api, Web })
        {
            var container = Json.Container(workload);
            Assert.Equal("true", (string?)container.Variables()[ContainerEnvironment.CacheIamAuthenticationVariable]);
            Assert.Equal(CachePrefix, (string?)container.Variables()[ConfigurationKeys.ServerlessCacheNameEnvironmentVariable("cache")]);
            Assert.NotNull(container.Variables()["AWS_REGION"]);
            var statement = Assert.Single(connects, s => s.Id.StartsWith($"{NameCase.Pascal(workload)}TaskTaskDefinitionTaskRole", StringComparison.Ordinal)).Statement;
            Assert.Equal("\"elasticache:Connect\"", statement["Action"]!.ToJsonString());
            Assert.Equal(
                $"[{{\"Fn::GetAtt\":[\"{ServerlessCache.CacheLogicalId}\",\"ARN\"]}},{{\"Fn::GetAtt\":[\"{userIds[CacheUserId(workload)]}\",\"Arn\"]}}]",
                statement["Resource"]!.ToJsonString());
        }

        Assert.Equal(2, connects.Count);
        Assert.DoesNotContain(ContainerEnvironment.CacheIamAuthenticationVariable, Json.Container(Migrations).Variables().Keys);
    }

    [Fact]
    public void Web_calls_api_over_service_connect()
    {
        Fixture.Environment.HasResourceProperties(
            "AWS::ECS::TaskDefinition",
            ContainerWithVariable(Web, "services__api__http__0", "http://api:8080"));
        Fixture.Environment.HasResourceProperties("AWS::ECS::Service", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ServiceName"] = Api,
            ["ServiceConnectConfiguration"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Enabled"] = true,
                ["Services"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["DiscoveryName"] = Api,
                        ["PortName"] = "http",
                        ["ClientAliases"] = new object[] { new Dictionary<string, object> { ["DnsName"] = Api, ["Port"] = 8080 } },
                    }),
                },
            }),
        }));
    }

    [Fact]
    public void Every_application_container_listens_on8080_and_sends_telemetry_to_the_sidecar()
    {
        foreach (var workload in new[] { Api, Web, Migrations })
        {
            var variables = Json.Container(workload).Variables();
            Assert.Equal("8080", (string?)variables[ContainerEnvironment.HttpPortsVariable]);
            Assert.Equal("http://localhost:4317", (string?)variables[ContainerEnvironment.OtlpEndpointVariable]);
        }

        foreach (var workload in new[] { Api, Web })
        {
            Assert.Equal(8080, (int)Json.Container(workload)["PortMappings"]![0]!["ContainerPort"]!);
        }

        var collectors = Json.Resources("AWS::ECS::TaskDefinition")
            .Select(t => t.Resource.Properties()["ContainerDefinitions"]!.AsArray()
                .Single(c => (string?)c!["Name"] == TelemetryCollector.ContainerName)!)
            .ToArray();
        Assert.Equal(3, collectors.Length);
        Assert.All(collectors, c => Assert.Equal(TelemetryCollector.Image, (string?)c["Image"]));
        Assert.True(Version.Parse(TelemetryCollector.Image.Split(":v")[1]) >= new Version(0, 49, 0), $"{TelemetryCollector.Image} is older than the 2026-07 release v0.49.0");
    }

    [Fact]
    public void Collector_has_a_pipeline_for_each_signal_the_services_export()
    {
        var config = Json.Resources("AWS::ECS::TaskDefinition")
            .Select(t => t.Resource.Properties()["ContainerDefinitions"]!.AsArray()
                .Single(c => (string?)c!["Name"] == TelemetryCollector.ContainerName)!.AsObject())
            .Select(c => c.Variables()["AOT_CONFIG_CONTENT"].ToJsonString())
            .Distinct(StringComparer.Ordinal)
            .Single();
        foreach (var pipeline in new[] { "traces:", "metrics:", "logs:" })
        {
            Assert.Contains($"    {pipeline}\\n      receivers: [otlp]", config, StringComparison.Ordinal);
        }

        Assert.Contains("exporters: [awscloudwatchlogs]", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Images_come_from_the_base_repositories_at_the_deployment_tag()
    {
        foreach (var workload in new[] { Api, Web, Migrations })
        {
            var image = Json.Container(workload)["Image"]!.ToJsonString();
            Assert.Contains($"/{ContainerRepositories.RepositoryName(Fixture.Settings.AppName, workload)}:{SynthesizedEnvironment.ImageTag}", image, StringComparison.Ordinal);
            Assert.DoesNotContain("Fn::ImportValue", image, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Tasks_run_on_the_settings_cpu_architecture_with_their_sizes()
    {
        var apiSize = Fixture.EnvironmentSettings.SizeOf(Api);
        Fixture.Environment.HasResourceProperties("AWS::ECS::TaskDefinition", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Cpu"] = apiSize.Cpu.ToString(CultureInfo.InvariantCulture),
            ["Memory"] = apiSize.MemoryMiB.ToString(CultureInfo.InvariantCulture),
            ["RuntimePlatform"] = new Dictionary<string, object>
            {
                ["CpuArchitecture"] = Fixture.Settings.CpuArchitecture,
                ["OperatingSystemFamily"] = "LINUX",
            },
            ["ContainerDefinitions"] = Match.ArrayWith(new object[] { Match.ObjectLike(new Dictionary<string, object> { ["Name"] = Api }) }),
        }));
    }

    [Fact]
    public void Deployments_leave_the_running_count_to_autoscaling()
    {
        var services = Json.Resources("AWS::ECS::Service").Select(s => s.Resource.Properties()).ToArray();
        Assert.Equal(2, services.Length);
        Assert.All(services, s => Assert.False(s.ContainsKey("DesiredCount")));
        var size = Fixture.EnvironmentSettings.DefaultService;
        var minimums = Json.Resources("AWS::ApplicationAutoScaling::ScalableTarget").Select(t => (int)t.Resource.Properties()["MinCapacity"]!);
        Assert.All(minimums, m => Assert.Equal(size.MinCount, m));
    }

    [Fact]
    public void Every_service_is_created_after_the_services_it_calls()
    {
        var services = Json.Resources("AWS::ECS::Service").ToDictionary(s => (string)s.Resource.Properties()["ServiceName"]!, s => s);
        Assert.Contains(services[Api].Id, services[Web].Resource.DependsOn());
        Assert.DoesNotContain(services[Web].Id, services[Api].Resource.DependsOn());
    }

    [Fact]
    public void Database_admits_only_the_workloads_that_use_it()
    {
        Assert.Equal(
            new[] { Api, Migrations }.Order(StringComparer.Ordinal),
            IngressSources("DatabaseSecurityGroup", AuroraDatabase.DatabasePort));
    }

    [Fact]
    public void Cache_admits_only_the_workloads_that_use_it()
    {
        Assert.Equal(new[] { Api, Web }.Order(StringComparer.Ordinal), IngressSources("CacheSecurityGroup", ServerlessCache.CachePort));
    }

    [Fact]
    public void Api_admits_only_its_callers()
    {
        Assert.Equal(new[] { Web }, IngressSources($"{NameCase.Pascal(Api)}ServiceSecurityGroup", 8080));
    }

    [Fact]
    public void No_statement_allows_every_action_or_a_wildcard_service()
    {
        var statements = Json.PolicyStatements().Concat(Fixture.BaseJson.PolicyStatements())
            .Where(s => (string?)s.Statement["Effect"] == "Allow" && !IamAllowList.EveryActionStatements.ContainsKey((string?)s.Statement["Sid"] ?? string.Empty))
            .ToArray();
        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.All(
            s.Statement["Action"].AsList(),
            a => Assert.DoesNotMatch("^\\*$|^[a-z0-9-]+:\\*$", (string)a!)));
    }

    [Fact]
    public void Only_allow_listed_actions_use_resource_star()
    {
        var wildcard = Json.PolicyStatements().Concat(Fixture.BaseJson.PolicyStatements())
            .Where(s => (string?)s.Statement["Effect"] == "Allow" && !IamAllowList.EveryActionStatements.ContainsKey((string?)s.Statement["Sid"] ?? string.Empty))
            .Where(s => s.Statement["Resource"].AsList().Any(r => r is JsonValue v && (string?)v == "*"))
            .SelectMany(s => s.Statement["Action"].AsList().Select(a => (s.Id, Action: (string)a!)))
            .ToArray();
        foreach (var (id, action) in wildcard.DistinctBy(w => w.Action))
        {
            output.WriteLine($"Resource * for {action} ({id}): {IamAllowList.WildcardResourceActions.GetValueOrDefault(action, "NOT ALLOW-LISTED")}");
        }

        Assert.NotEmpty(wildcard);
        Assert.All(wildcard, w => Assert.Contains(w.Action, IamAllowList.WildcardResourceActions.Keys));
    }

    [Fact]
    public void Users_reach_the_app_over_https_through_cloud_front()
    {
        var distribution = Json.Resources("AWS::CloudFront::Distribution").Single().Resource.Properties()["DistributionConfig"]!;
        Assert.Equal("redirect-to-https", (string?)distribution["DefaultCacheBehavior"]!["ViewerProtocolPolicy"]);
        var origin = distribution["Origins"]!.AsArray().Single()!;
        Assert.Equal("http-only", (string?)origin["CustomOriginConfig"]!["OriginProtocolPolicy"]);
        var loadBalancer = Json.Resources("AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Id;
        Assert.Equal(loadBalancer, (string?)origin["DomainName"]!["Fn::GetAtt"]![0]);

        var url = Json["Outputs"]!["Url"]!["Value"]!.ToJsonString();
        Assert.Contains("\"https://\"", url, StringComparison.Ordinal);
        Assert.Contains(Json.Resources("AWS::CloudFront::Distribution").Single().Id, url, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_balancer_admits_only_cloud_front_carrying_the_origin_secret()
    {
        var securityGroup = Json.Resources("AWS::EC2::SecurityGroup").Single(g => g.Id.StartsWith("PublicSecurityGroup", StringComparison.Ordinal));
        Assert.Null(securityGroup.Resource.Properties()["SecurityGroupIngress"]);
        var ingress = Json.Resources("AWS::EC2::SecurityGroupIngress")
            .Where(r => (string?)r.Resource.Properties()["GroupId"]!["Fn::GetAtt"]![0] == securityGroup.Id)
            .Single().Resource.Properties();
        Assert.Equal(CloudFrontPrefixLists.IdIn(Fixture.Settings.Region), (string?)ingress["SourcePrefixListId"]);
        Assert.Null(ingress["CidrIp"]);

        var listener = Json.Resources("AWS::ElasticLoadBalancingV2::Listener").Single().Resource.Properties();
        Assert.Equal(80, (int)listener["Port"]!);
        var defaultAction = listener["DefaultActions"]!.AsArray().Single()!;
        Assert.Equal("fixed-response", (string?)defaultAction["Type"]);
        Assert.Equal("403", (string?)defaultAction["FixedResponseConfig"]!["StatusCode"]);

        // The header value is the same Secrets Manager reference on both sides, resolved by CloudFormation: never a value.
        var condition = Json.Resources("AWS::ElasticLoadBalancingV2::ListenerRule").Single().Resource.Properties()["Conditions"]!.AsArray().Single()!;
        Assert.Equal(OriginVerification.HeaderName, (string?)condition["HttpHeaderConfig"]!["HttpHeaderName"]);
        var ruleValue = condition["HttpHeaderConfig"]!["Values"]!.AsArray().Single()!.ToJsonString();
        var header = Json.Resources("AWS::CloudFront::Distribution").Single().Resource.Properties()["DistributionConfig"]!["Origins"]![0]!["OriginCustomHeaders"]!.AsArray().Single()!;
        Assert.Equal(OriginVerification.HeaderName, (string?)header["HeaderName"]);
        Assert.Equal(ruleValue, header["HeaderValue"]!.ToJsonString());
        Assert.Contains("{{resolve:secretsmanager:", ruleValue, StringComparison.Ordinal);
        Assert.Contains(OriginVerification.SecretLogicalId, ruleValue, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_limit_counts_the_client_address_cloud_front_forwards()
    {
        var rule = Json.Resources("AWS::WAFv2::WebACL").Single().Resource.Properties()["Rules"]!.AsArray()
            .Single(r => r!["Statement"]!["RateBasedStatement"] is not null)!;
        Assert.Equal("FORWARDED_IP", (string?)rule["Statement"]!["RateBasedStatement"]!["AggregateKeyType"]);
    }

    [Fact]
    public void Template_holds_no_secret_value()
    {
        var strings = Json.Strings().Concat(Fixture.BaseJson.Strings()).ToArray();
        Assert.DoesNotContain(strings, s => s.Value.Contains("password=", StringComparison.OrdinalIgnoreCase));

        // The master password is RDS's: generated, kept and rotated in Secrets Manager, never in the template.
        Assert.Null(Json.Resource(AuroraDatabase.ClusterLogicalId).Properties()["MasterUserPassword"]);

        // A secret's value in the template can only be the placeholder of an operator-set secret.
        Assert.All(
            Json.Resources("AWS::SecretsManager::Secret"),
            s => Assert.True(s.Resource.Properties()["SecretString"] is null || (string?)s.Resource.Properties()["SecretString"] == AppSecrets.Placeholder));

        // Generated secrets are generated by Secrets Manager: the template holds only the rule.
        var apiKey = Json.Resource("AppSecretApiKey").Properties();
        Assert.Null(apiKey["SecretString"]);
        Assert.Equal(32, (int)apiKey["GenerateSecretString"]!["PasswordLength"]!);
        Assert.True((bool)apiKey["GenerateSecretString"]!["ExcludePunctuation"]!);

        // A secret may reach a container only through "Secrets", never as a variable.
        var variables = Json.Resources("AWS::ECS::TaskDefinition")
            .SelectMany(t => t.Resource.Properties()["ContainerDefinitions"]!.AsArray())
            .SelectMany(c => c!.AsObject().Variables())
            .ToArray();
        Assert.DoesNotContain(variables, v => v.Value.ToJsonString().Contains("secretsmanager", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(variables, v => v.Key.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Migration_gate_runs_after_the_data_stores_and_the_database_access_and_before_every_service()
    {
        var triggers = Json.Resources("Custom::Trigger").ToList();
        var (accessId, access) = Assert.Single(triggers, t => t.Id.StartsWith("DatabaseAccess", StringComparison.Ordinal));
        var (triggerId, trigger) = Assert.Single(triggers, t => t.Id.StartsWith($"{NameCase.Pascal(Migrations)}Gate", StringComparison.Ordinal));
        var dataStores = new HashSet<string> { AuroraDatabase.ClusterLogicalId, AuroraDatabase.WriterLogicalId, ServerlessCache.CacheLogicalId, "AppSecretApiKey" };
        Assert.Superset(dataStores, access.DependsOn().ToHashSet());
        Assert.Superset(dataStores, trigger.DependsOn().ToHashSet());
        Assert.Contains(accessId, trigger.DependsOn());
        Assert.All(Json.Resources("AWS::ECS::Service"), s => Assert.Contains(triggerId, s.Resource.DependsOn()));
        Assert.All(Json.Resources("AWS::ECS::Service"), s => Assert.Contains(accessId, s.Resource.DependsOn()));
        Assert.Equal("900000", (string?)trigger.Properties()["Timeout"]);
    }

    [Fact]
    public void Database_access_gate_owns_the_schema_by_the_job_and_gives_the_service_rows_only()
    {
        var (_, handler) = Assert.Single(Json.Resources("AWS::Lambda::Function"),
            f => f.Resource.Properties()["Environment"]?["Variables"]?["DATABASES"] is not null);
        var plan = handler.Properties()["Environment"]!["Variables"]!["DATABASES"]!;
        var text = string.Concat(plan["Fn::Join"]![1]!.AsArray().Select(p => p is JsonValue ? (string?)p : "<token>"));
        Assert.Contains("""
            "roles":["api","migrations"],"databases":[{"name":"appdb","owners":["migrations"],"users":["api"]}]
            """, text, StringComparison.Ordinal);
        Assert.Contains("MasterUserSecret.SecretArn", plan.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(handler.Properties()["VpcConfig"]);
        var secretReads = Json.PolicyStatements()
            .Where(s => s.Statement["Action"]!.ToJsonString().Contains("secretsmanager:GetSecretValue", StringComparison.Ordinal)
                && s.Statement["Resource"]!.ToJsonString().Contains("MasterUserSecret", StringComparison.Ordinal))
            .ToList();
        Assert.Equal("DatabaseAccessRoleDefaultPolicy", Assert.Single(secretReads).Id[..^8]);
    }

    [Fact]
    public void Migration_gate_handler_is_inline_and_knows_the_image_tag()
    {
        Fixture.Environment.HasResourceProperties("AWS::Lambda::Function", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Code"] = new Dictionary<string, object> { ["ZipFile"] = Match.StringLikeRegexp("exitCode !== 0") },
            ["Timeout"] = 900,
            ["Environment"] = new Dictionary<string, object>
            {
                ["Variables"] = Match.ObjectLike(new Dictionary<string, object>
                {
                    ["IMAGE_TAG"] = SynthesizedEnvironment.ImageTag,
                    ["CONTAINER"] = Migrations,
                }),
            },
        }));
    }

    [Fact]
    public void Migrations_seed_only_where_the_environment_says_so()
    {
        var variables = Json.Container(Migrations).Variables();
        if (Fixture.EnvironmentSettings.SeedData)
        {
            Assert.Equal(MigrationProfiles.Development, (string?)variables[ConfigurationKeys.MigrationsProfileEnvironmentVariable]);
        }
        else
        {
            Assert.DoesNotContain(ConfigurationKeys.MigrationsProfileEnvironmentVariable, variables.Keys);
        }
    }

    [Fact]
    public void Load_balancer_checks_alive()
    {
        Fixture.Environment.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.ObjectLike(new Dictionary<string, object>
        {
            ["HealthCheckPath"] = HealthPaths.Liveness,
            ["Port"] = 8080,
            ["TargetType"] = "ip",
        }));
    }

    [Fact]
    public void Without_a_certificate_the_load_balancer_serves_http_only()
    {
        var listener = Assert.Single(Json.Resources("AWS::ElasticLoadBalancingV2::Listener")).Resource.Properties();
        Assert.Equal("HTTP", (string?)listener["Protocol"]);
        Assert.Equal(80, (int)listener["Port"]!);
    }

    [Fact]
    public void Waf_guards_the_load_balancer()
    {
        var acl = Assert.Single(Json.Resources("AWS::WAFv2::WebACL")).Resource.Properties();
        var rules = acl["Rules"]!.AsArray().Select(r => (string)r!["Name"]!).ToArray();
        Assert.Equal(new[] { "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "RateLimitPerIp" }, rules);
        var association = Assert.Single(Json.Resources("AWS::WAFv2::WebACLAssociation")).Resource.Properties();
        Assert.Contains("PublicLoadBalancer", association["ResourceArn"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deployments_roll_back_on_circuit_breaker_and5xx_and_unhealthy_hosts_but_not_latency()
    {
        var names = new List<string>();
        foreach (var (_, service) in Json.Resources("AWS::ECS::Service"))
        {
            var deployment = service.Properties()["DeploymentConfiguration"]!;
            Assert.True((bool)deployment["DeploymentCircuitBreaker"]!["Enable"]!);
            Assert.True((bool)deployment["DeploymentCircuitBreaker"]!["Rollback"]!);
            Assert.True((bool)deployment["Alarms"]!["Rollback"]!);
            names.AddRange(deployment["Alarms"]!["AlarmNames"]!.AsArray().Select(n => (string)n!));
        }

        var prefix = $"{Fixture.Settings.AppName}-{Fixture.EnvironmentName}";
        Assert.Equal(
            new[] { $"{prefix}-api-5xx", $"{prefix}-web-5xx", $"{prefix}-web-unhealthy-hosts" }.Order(StringComparer.Ordinal),
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Alarms_cover_errors_latency_health_and_cpu_and_notify_the_topic()
    {
        var alarms = Json.Resources("AWS::CloudWatch::Alarm").Select(a => a.Resource.Properties()).ToArray();
        var prefix = $"{Fixture.Settings.AppName}-{Fixture.EnvironmentName}";
        Assert.Equal(
            new[] { "api-5xx", "api-cpu", "web-5xx", "web-alb-5xx", "web-cpu", "web-p99-latency", "web-unhealthy-hosts" }.Select(n => $"{prefix}-{n}"),
            alarms.Select(a => (string)a["AlarmName"]!).Order(StringComparer.Ordinal));
        var topic = Assert.Single(Json.Resources("AWS::SNS::Topic")).Id;
        Assert.All(alarms, a => Assert.Contains(topic, a["AlarmActions"]!.ToJsonString(), StringComparison.Ordinal));
        var latency = alarms.Single(a => ((string)a["AlarmName"]!).EndsWith("p99-latency", StringComparison.Ordinal));
        Assert.Equal("p99", (string?)latency["ExtendedStatistic"]);
        Assert.Equal(0.2, (double)latency["Threshold"]!);
    }

    [Fact]
    public void Budget_alerts_at80_and100_percent_of_the_monthly_amount()
    {
        var budget = Assert.Single(Json.Resources("AWS::Budgets::Budget")).Resource.Properties();
        Assert.Equal((double)Fixture.EnvironmentSettings.MonthlyBudgetUsd, (double)budget["Budget"]!["BudgetLimit"]!["Amount"]!);
        Assert.Equal(
            new[] { 80.0, 100.0 },
            budget["NotificationsWithSubscribers"]!.AsArray().Select(n => (double)n!["Notification"]!["Threshold"]!));
    }

    [Fact]
    public void Services_scale_on_cpu_and_memory_within_their_bounds()
    {
        var size = Fixture.EnvironmentSettings.DefaultService;
        var targets = Json.Resources("AWS::ApplicationAutoScaling::ScalableTarget").Select(t => t.Resource.Properties()).ToArray();
        Assert.Equal(2, targets.Length);
        Assert.All(targets, t =>
        {
            Assert.Equal(size.MinCount, (int)t["MinCapacity"]!);
            Assert.Equal(size.MaxCount, (int)t["MaxCapacity"]!);
        });
        var metrics = Json.Resources("AWS::ApplicationAutoScaling::ScalingPolicy")
            .Select(p => (string)p.Resource.Properties()["TargetTrackingScalingPolicyConfiguration"]!["PredefinedMetricSpecification"]!["PredefinedMetricType"]!)
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            new[] { "ECSServiceAverageCPUUtilization", "ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization", "ECSServiceAverageMemoryUtilization" },
            metrics);
    }

    [Fact]
    public void Scales_to_zero_outside_working_hours_only_outside_production()
    {
        var expected = Fixture.EnvironmentSettings.ScaleToZeroOutsideWorkingHours && !Fixture.EnvironmentSettings.Production;
        var targets = Json.Resources("AWS::ApplicationAutoScaling::ScalableTarget").Select(t => t.Resource.Properties()).ToArray();
        foreach (var target in targets)
        {
            var actions = target["ScheduledActions"]?.AsArray() ?? [];
            if (!expected)
            {
                Assert.Empty(actions);
                continue;
            }

            var byTime = actions.ToDictionary(a => (string)a!["Schedule"]!, a => a!["ScalableTargetAction"]!);
            Assert.Equal(0, (int)byTime["cron(0 20 ? * MON-FRI *)"]["MaxCapacity"]!);
            Assert.Equal(0, (int)byTime["cron(0 20 ? * MON-FRI *)"]["MinCapacity"]!);
            Assert.Equal((int)target["MinCapacity"]!, (int)byTime["cron(0 7 ? * MON-FRI *)"]["MinCapacity"]!);
            Assert.All(actions, a => Assert.Equal("Etc/UTC", (string?)a!["Timezone"]));
        }
    }

    [Fact]
    public void Log_groups_keep_the_environments_retention()
    {
        var groups = Json.Resources("AWS::Logs::LogGroup").Select(g => g.Resource).ToArray();
        Assert.True(groups.Length >= 7);
        Assert.All(groups, g => Assert.Equal(Fixture.EnvironmentSettings.LogRetentionDays, (int)g.Properties()["RetentionInDays"]!));
        Assert.All(groups, g => Assert.Equal(Fixture.EnvironmentSettings.Production ? "Retain" : "Delete", (string?)g["DeletionPolicy"]));
    }

    [Fact]
    public void Retained_log_groups_have_generated_names_so_the_stack_can_be_created_again()
    {
        var named = Json.Resources("AWS::Logs::LogGroup")
            .Where(g => g.Resource.Properties()["LogGroupName"] is not null)
            .Select(g => g.Resource.Properties()["LogGroupName"]!.ToJsonString())
            .ToArray();
        if (!Fixture.EnvironmentSettings.Production)
        {
            Assert.Contains(named, n => n.Contains($"/{Fixture.Settings.AppName}/{Fixture.EnvironmentName}/{Api}", StringComparison.Ordinal));
            return;
        }

        // RDS exports only to its own fixed name; see docs/deploy-stacks.md.
        Assert.All(named, n => Assert.Contains("/aws/rds/cluster/", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Internal_services_have_a_container_health_check_on_alive_and_nothing_else_does()
    {
        var check = Json.Container(Api)["HealthCheck"]!;
        Assert.Contains($"GET {HealthPaths.Liveness} ", check["Command"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("bash", (string?)check["Command"]![1]);
        Assert.Equal(3, (int)check["Retries"]!);
        Assert.Null(Json.Container(Web)["HealthCheck"]);
        Assert.Null(Json.Container(Migrations)["HealthCheck"]);
    }

    [Fact]
    public void Nothing_is_looked_up_at_synthesis()
    {
        var subnets = Fixture.BaseJson.Resources("AWS::EC2::Subnet").Select(s => (string)s.Resource.Properties()["AvailabilityZone"]!).Distinct();
        Assert.Equal(Fixture.Settings.AvailabilityZones.Order(StringComparer.Ordinal), subnets.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Fixture.Stacks.App.Node.Metadata, m => m.Type == "aws:cdk:missing");
    }

    /// <summary>The environment's name prefix, which is also the name of its cache <c>cache</c> and of the cache's user group.</summary>
    private string CachePrefix => ServerlessCache.CacheName($"{Fixture.Settings.AppName}-{Fixture.EnvironmentName}", "cache");

    private string CacheUserId(string workload) => $"{CachePrefix}-{workload}";

    private static Matcher ContainerWithVariable(string container, string variable, object value) =>
        Match.ObjectLike(new Dictionary<string, object>
        {
            ["ContainerDefinitions"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Name"] = container,
                    ["Environment"] = Match.ArrayWith(new object[]
                    {
                        new Dictionary<string, object> { ["Name"] = variable, ["Value"] = value },
                    }),
                }),
            }),
        });

    /// <summary>Workloads whose security groups may reach the group whose logical ID starts with <paramref name="group"/>.</summary>
    private string[] IngressSources(string group, int port)
    {
        var groupId = Json.Resources("AWS::EC2::SecurityGroup").Single(g => g.Id.StartsWith(group, StringComparison.Ordinal)).Id;
        var rules = Json.Resources("AWS::EC2::SecurityGroupIngress")
            .Select(r => r.Resource.Properties())
            .Where(r => r["GroupId"]!.ToJsonString().Contains($"\"{groupId}\"", StringComparison.Ordinal))
            .ToArray();
        Assert.All(rules, r =>
        {
            Assert.Null(r["CidrIp"]);
            Assert.Equal(port, (int)r["FromPort"]!);
            Assert.Equal(port, (int)r["ToPort"]!);
        });
        Assert.Empty(Json.Resource(groupId).Properties()["SecurityGroupIngress"]?.AsArray() ?? []);
        return rules
            .Select(r => r["SourceSecurityGroupId"]!["Fn::GetAtt"]![0]!.GetValue<string>())
            .Select(id => new[] { Api, Web, Migrations }.Single(w => id.StartsWith(NameCase.Pascal(w), StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}

public sealed class DevStackTests(DevEnvironment fixture, ITestOutputHelper output)
    : EnvironmentStackTests<DevEnvironment>(fixture, output), IClassFixture<DevEnvironment>;

public sealed class StagingStackTests(StagingEnvironment fixture, ITestOutputHelper output)
    : EnvironmentStackTests<StagingEnvironment>(fixture, output), IClassFixture<StagingEnvironment>;

public sealed class ProdStackTests(ProdEnvironment fixture, ITestOutputHelper output)
    : EnvironmentStackTests<ProdEnvironment>(fixture, output), IClassFixture<ProdEnvironment>;

public sealed class PreviewStackTests(PreviewEnvironment fixture, ITestOutputHelper output)
    : EnvironmentStackTests<PreviewEnvironment>(fixture, output), IClassFixture<PreviewEnvironment>;
