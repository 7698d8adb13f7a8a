using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.ServiceDiscovery;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>
/// Everything one environment (or pull-request preview) runs: database, cache, generated secrets, the ECS
/// services behind Service Connect and the public load balancer, the migration gate, alarms, dashboard
/// and budget. Cheap to create and to destroy; production only adds protection and retention.
/// </summary>
public sealed class EnvironmentStack : Stack
{
    private readonly EnvironmentStackProps props;
    private readonly EnvironmentSettings sizes;
    private readonly string prefix;
    private readonly RetentionDays retention;
    private readonly BaseImports shared;

    public EnvironmentStack(Construct scope, string id, EnvironmentStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        this.props = props;
        sizes = props.Target.Settings;
        prefix = StackNames.Environment(props.Settings.AppName, props.Target.Name);
        retention = Retention.FromDays(sizes.LogRetentionDays);
        shared = new BaseImports(this, "Base", new BaseImportsProps(
            props.Settings.AppName, props.Settings.AvailabilityZones, props.Settings.Domain?.ZoneName));

        Cluster = AddCluster();
        Databases = props.Application.DatabaseServers
            .Select(server => new AuroraDatabase(this, DatabaseScopeId(server.Resource), new AuroraDatabaseProps
            {
                Prefix = prefix,
                Server = server,
                Size = sizes.Database,
                Production = Production,
                Vpc = shared.Vpc,
                LogRetention = retention,
                ReaderAvailabilityZone = props.Settings.AvailabilityZones[1],
            }))
            .ToList();
        var cacheUsers = props.Application.Caches.Count > 0 ? new CacheUsers(this, "CacheUsers", new CacheUsersProps(prefix)) : null;
        Caches = props.Application.Caches.ToDictionary(
            cache => cache.Resource,
            cache => new ServerlessCache(this, ServerlessCache.LogicalId(cache.Resource), new ServerlessCacheProps(
                ServerlessCache.CacheName(prefix, cache.Resource), shared.Vpc, Production, cacheUsers!)),
            StringComparer.Ordinal);
        Secrets = new AppSecrets(this, "Secrets", new AppSecretsProps(
            props.Application.GeneratedSecrets.ToList(), Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY));
        var operatorSecrets = new OperatorSecretImports(this, "OperatorSecrets", new OperatorSecretImportsProps(
            props.Settings.AppName, props.Target.Name, props.Application.OperatorSecrets.Select(s => s.Name).ToList())).Secrets;
        var secrets = Secrets.Secrets.Select(s => KeyValuePair.Create(s.Key, (ISecret)s.Value))
            .Concat(operatorSecrets)
            .ToDictionary(StringComparer.Ordinal);
        var telemetry = new TelemetryCollector(this, "Telemetry", new TelemetryCollectorProps(
            $"{props.Settings.AppName}/{props.Target.Name}",
            LogGroupName("otel-metrics"),
            LogGroupName("otel-logs"),
            retention,
            Production));
        var bindings = new WorkloadBindings(
            Databases,
            Caches,
            secrets,
            props.Application.Services.Where(s => s.HasEndpoint).ToDictionary(s => s.Name, StringComparer.Ordinal),
            new ComposedSecrets(this, "ComposedSecrets", new ComposedSecretsProps(Production)));

        SecretsCheck = operatorSecrets.Count == 0 ? null : new MigrationGate(this, "SecretsCheck", TasklessGate with
        {
            RequiredSecrets = operatorSecrets,
        });
        var clients = new Dictionary<string, Client>(StringComparer.Ordinal);
        Services = AddServices(bindings, telemetry, clients);
        MigrationGates = AddJobs(bindings, telemetry, clients);
        AllowTraffic(clients);
        DatabaseAccess = AddDatabaseAccess(clients);
        GateServicesOnJobs();
        AlarmTopic = new AlarmTopic(this, "Alarms", new AlarmTopicProps($"{prefix}-alarms", sizes.AlarmEmail, Production));
        var publicTargetGroup = AddIngressAndAlarms();
        AddOperations(publicTargetGroup, secrets);
    }

    public Cluster Cluster { get; }

    /// <summary>One Aurora cluster per PostgreSQL server of the app.</summary>
    public IReadOnlyList<AuroraDatabase> Databases { get; }

    /// <summary>The gate that creates the databases and the workloads' roles before any job or service; null without databases.</summary>
    public MigrationGate? DatabaseAccess { get; }

    /// <summary>By manifest resource name.</summary>
    public IReadOnlyDictionary<string, ServerlessCache> Caches { get; }

    /// <summary>The generated secrets; the operator-set ones are in the <see cref="SecretsStack"/>.</summary>
    public AppSecrets Secrets { get; }

    /// <summary>
    /// The gate that fails the deployment, before any other gate or job runs and before any service is created or
    /// changed, while an operator-set secret still holds the placeholder; null when the app has none.
    /// </summary>
    public MigrationGate? SecretsCheck { get; }

    /// <summary>What every gate of this environment shares: a job's gate adds its task, the others what they check or create.</summary>
    private MigrationGateProps TasklessGate => new()
    {
        Cluster = Cluster,
        Task = null,
        SecurityGroup = null,
        ImageTag = props.ImageTag,
        LogRetention = retention,
        Production = Production,
    };

    public AlarmTopic AlarmTopic { get; }

    public PublicLoadBalancer? LoadBalancer { get; private set; }

    public IReadOnlyDictionary<string, WorkloadService> Services { get; }

    public IReadOnlyList<MigrationGate> MigrationGates { get; }

    private bool Production => sizes.Production;

    /// <summary>The construct scope of a server's cluster: <c>Database</c> for the primary server, as before there could be several.</summary>
    private static string DatabaseScopeId(string server) =>
        server == AuroraDatabase.PrimaryServerName ? "Database" : $"Database{NameCase.Pascal(server)}";

    /// <summary>
    /// <c>/{app}/{environment}/{name}</c>; in production, where log groups are retained with the stack's deletion,
    /// <c>null</c> (a generated name), so a retained group never blocks re-creating the stack.
    /// </summary>
    private string? LogGroupName(string name) => Production ? null : $"/{props.Settings.AppName}/{props.Target.Name}/{name}";

    private Cluster AddCluster()
    {
        var cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            ClusterName = prefix,
            Vpc = shared.Vpc,
            ContainerInsightsV2 = ContainerInsights.ENABLED,
        });
        cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions
        {
            Name = prefix,
            Type = NamespaceType.HTTP,
            UseForServiceConnect = true,
        });
        return cluster;
    }

    private WorkloadTask AddTask(Construct workloadScope, WorkloadModel workload, ServiceSize size, ContainerEnvironment environment, TelemetryCollector telemetry) =>
        new(workloadScope, "Task", new WorkloadTaskProps
        {
            Workload = workload,
            Size = size,
            Architecture = WorkloadTask.ParseArchitecture(props.Settings.CpuArchitecture),
            Repository = workload.Image.InRepository
                ? Repository.FromRepositoryName(
                    workloadScope, "Repository", ContainerRepositories.RepositoryName(props.Settings.AppName, workload.Name))
                : null,
            ImageTag = props.ImageTag,
            Environment = environment,
            Telemetry = telemetry,
            LogGroupName = LogGroupName(workload.Name),
            LogRetention = retention,
            Production = Production,
        });

    /// <summary>The long-running workloads, behind Service Connect.</summary>
    private Dictionary<string, WorkloadService> AddServices(
        WorkloadBindings bindings, TelemetryCollector telemetry, Dictionary<string, Client> clients)
    {
        var serviceConnectLogs = new LogGroup(this, "ServiceConnectLogs", new LogGroupProps
        {
            LogGroupName = LogGroupName("service-connect"),
            Retention = retention,
            RemovalPolicy = Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        var services = new Dictionary<string, WorkloadService>(StringComparer.Ordinal);
        foreach (var workload in props.Application.Services)
        {
            var workloadScope = new Construct(this, NameCase.Pascal(workload.Name));
            var environment = ContainerEnvironment.Translate(workload, bindings, sizes.SeedData);
            var size = sizes.SizeOf(workload);
            var task = AddTask(workloadScope, workload, size, environment, telemetry);
            var service = new WorkloadService(workloadScope, "Service", new WorkloadServiceProps
            {
                Workload = workload,
                Cluster = Cluster,
                Task = task,
                Size = size,
                ServiceConnectLogs = serviceConnectLogs,
            });
            if (sizes.ScaleToZeroOutsideWorkingHours && !Production)
            {
                _ = new WorkingHoursSchedule(workloadScope, "WorkingHours", new WorkingHoursScheduleProps(
                    service.Scaling, size.MinCount, size.MaxCount));
            }

            services.Add(workload.Name, service);
            clients.Add(workload.Name, new Client(workload.Kind, environment, service.SecurityGroup, task.TaskDefinition.TaskRole));
        }

        return services;
    }

    /// <summary>The one-off workloads (migrations), each a gate that must succeed before services roll.</summary>
    private List<MigrationGate> AddJobs(
        WorkloadBindings bindings, TelemetryCollector telemetry, Dictionary<string, Client> clients)
    {
        var gates = new List<MigrationGate>();
        foreach (var job in props.Application.Jobs)
        {
            var jobScope = new Construct(this, NameCase.Pascal(job.Name));
            var environment = ContainerEnvironment.Translate(job, bindings, sizes.SeedData);
            var securityGroup = new SecurityGroup(jobScope, "SecurityGroup", new SecurityGroupProps
            {
                Vpc = shared.Vpc,
                Description = $"Job {job.Name}",
                AllowAllOutbound = true,
            });
            var task = AddTask(jobScope, job, sizes.Job, environment, telemetry);
            gates.Add(new MigrationGate(jobScope, "Gate", TasklessGate with
            {
                Task = task,
                SecurityGroup = securityGroup,
            }));
            clients.Add(job.Name, new Client(job.Kind, environment, securityGroup, task.TaskDefinition.TaskRole));
        }

        return gates;
    }

    /// <summary>
    /// Ingress to each data store and service from exactly the workloads that use it; each service is
    /// created after the services it calls (two services that call each other cannot be ordered).
    /// </summary>
    private void AllowTraffic(Dictionary<string, Client> clients)
    {
        foreach (var (name, (_, environment, securityGroup, taskRole)) in clients)
        {
            foreach (var database in Databases.Where(d => environment.DatabaseServers.Contains(d.Server.Resource)))
            {
                database.AllowFrom(securityGroup, $"{name} to {database.Server.Resource}");
                database.GrantConnect(taskRole, name);
            }

            foreach (var cache in environment.UsedCaches)
            {
                Caches[cache].AllowFrom(securityGroup, Caches.Count == 1 ? $"{name} to the cache" : $"{name} to the cache {cache}");
                Caches[cache].Admit(name, taskRole);
            }

            foreach (var callee in environment.CalledServices)
            {
                foreach (var port in props.Application.Workloads.Single(w => w.Name == callee).Endpoints.Select(e => e.Port).Distinct())
                {
                    Services[callee].SecurityGroup.AddIngressRule(
                        securityGroup, Port.Tcp(port), $"{name} calls {callee} over Service Connect");
                }

                if (Services.TryGetValue(name, out var caller) && !clients[callee].Environment.CalledServices.Contains(name))
                {
                    // A Service Connect client resolves only the services that existed when its task started.
                    caller.Service.Node.AddDependency(Services[callee].Service);
                }
            }
        }
    }

    /// <summary>
    /// Per cluster, the databases and a role per workload that uses it: jobs own the schema of the databases they
    /// reference, services read and write their rows; each gets CONNECT on the databases it references only.
    /// </summary>
    private MigrationGate? AddDatabaseAccess(Dictionary<string, Client> clients)
    {
        if (Databases.Count == 0)
        {
            return null;
        }

        var access = Databases.Select(database =>
        {
            var users = clients.Where(c => c.Value.Environment.DatabaseServers.Contains(database.Server.Resource))
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .ToList();
            var roles = users.Select(c => CheckedRole(database, c.Key)).ToList();
            var grants = database.Server.Databases.Select(db =>
            {
                var referencing = users.Where(c => c.Value.Environment.Databases.Contains(db.Resource)).ToList();
                return new DatabaseGrant(
                    db.DatabaseName,
                    referencing.Where(c => c.Value.Kind == WorkloadKind.Job).Select(c => AuroraDatabase.RoleOf(c.Key)).ToList(),
                    referencing.Where(c => c.Value.Kind == WorkloadKind.Service).Select(c => AuroraDatabase.RoleOf(c.Key)).ToList());
            }).ToList();
            return new DatabaseAccessPlan(database, roles, grants);
        }).ToList();
        return new MigrationGate(this, "DatabaseAccess", TasklessGate with
        {
            Databases = access,
        });
    }

    private static string CheckedRole(AuroraDatabase database, string workload)
    {
        var role = AuroraDatabase.RoleOf(workload);
        if (role.StartsWith("pg_", StringComparison.Ordinal) || role.StartsWith("rds", StringComparison.Ordinal)
            || role is "public" || role.Equals(database.Server.MasterUserName, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Workload '{workload}' would sign in to {database.Server.Resource} as role '{role}', which PostgreSQL or RDS reserves (or is the master user): rename the workload in the AppHost.");
        }

        return role;
    }

    /// <summary>
    /// The secrets check runs first; the database access gate runs after it and the data stores (and their ingress
    /// rules) exist; jobs run after both, and every service rolls after all of them.
    /// </summary>
    private void GateServicesOnJobs()
    {
        var dataStores = Databases.Concat(new Construct[] { Secrets }).Concat(Caches.Values).ToArray();
        var services = Services.Values.Select(s => (Construct)s.Service).ToArray();
        var gates = new List<MigrationGate>();
        if (SecretsCheck is not null)
        {
            // Before every other gate and service, so nothing runs; not before the data stores: the other gates'
            // handler versions, which CDK's one trigger provider may invoke, refer to them.
            SecretsCheck.ExecuteBefore(services);
            gates.Add(SecretsCheck);
        }

        var afterSecretsCheck = SecretsCheck is null ? dataStores : [.. dataStores, SecretsCheck.Trigger];

        if (DatabaseAccess is not null)
        {
            DatabaseAccess.ExecuteAfter(afterSecretsCheck);
            DatabaseAccess.ExecuteBefore(services);
            gates.Add(DatabaseAccess);
        }

        foreach (var gate in MigrationGates)
        {
            gate.ExecuteAfter(afterSecretsCheck);
            if (DatabaseAccess is not null)
            {
                gate.ExecuteAfter(DatabaseAccess.Trigger);
            }

            gate.ExecuteBefore(services);
            gates.Add(gate);
        }

        _ = new TriggerProviderPolicy(this, "TriggerProvider", new TriggerProviderPolicyProps(gates, retention, Production));
    }

    /// <summary>The public load balancer for external services, and alarms that roll a failing deployment back.</summary>
    /// <returns>The target group of the first external service (the <c>Url</c> output), for the dashboard.</returns>
    private ApplicationTargetGroup? AddIngressAndAlarms()
    {
        ApplicationTargetGroup? publicTargetGroup = null;
        foreach (var workload in props.Application.Services)
        {
            var service = Services[workload.Name];
            ApplicationTargetGroup? targetGroup = null;
            if (workload.IsExternal)
            {
                LoadBalancer ??= new PublicLoadBalancer(this, "Public", new PublicLoadBalancerProps
                {
                    Vpc = shared.Vpc,
                    Certificate = shared.Certificate,
                    CloudFrontOrigin = shared.Certificate is null && sizes.CloudFront
                        ? new OriginVerification(this, "Origin", new OriginVerificationProps(
                            CloudFrontPrefixLists.IdIn(props.Settings.Region)
                                ?? throw new InvalidOperationException($"No CloudFront prefix list for '{props.Settings.Region}' (the settings validator refuses this).")))
                        : null,
                    Zone = shared.Zone,
                    Hostname = props.Target.Hostname,
                    AccessLogs = shared.AccessLogs,
                    AccessLogPrefix = props.Target.Name,
                    Production = Production,
                });
                (targetGroup, var url) = LoadBalancer.Route(workload.Name, service.Service, workload.ExternalEndpoint!, workload.IsProject);
                if (publicTargetGroup is null)
                {
                    publicTargetGroup = targetGroup;
                }
                else
                {
                    _ = new CfnOutput(this, $"Url{NameCase.Pascal(workload.Name)}", new CfnOutputProps { Value = url, Description = $"Public URL of {workload.Name}" });
                }
            }

            var alarms = new ServiceAlarms(service, "Alarms", new ServiceAlarmsProps
            {
                Prefix = $"{prefix}-{workload.Name}",
                Workload = workload.Name,
                ServiceName = workload.Name,
                ClusterName = Cluster.ClusterName,
                TargetGroup = targetGroup,
                LoadBalancer = workload.IsExternal ? LoadBalancer!.LoadBalancer : null,
                Topic = AlarmTopic.Topic,
            });
            service.RollBackOn(alarms);
        }

        if (LoadBalancer is not null)
        {
            var behindCloudFront = LoadBalancer.CloudFrontOrigin is not null;
            _ = new WebFirewall(this, "Firewall", new WebFirewallProps(prefix, LoadBalancer.LoadBalancer.LoadBalancerArn, behindCloudFront));
            var url = behindCloudFront
                ? new CloudFrontEdge(this, "Edge", new CloudFrontEdgeProps(prefix, LoadBalancer.LoadBalancer, LoadBalancer.CloudFrontOrigin!)).Url
                : LoadBalancer.Url;
            _ = new CfnOutput(this, "Url", new CfnOutputProps { Value = url, Description = "Public URL" });
        }

        return publicTargetGroup;
    }

    /// <summary>Dashboard, budget, and the outputs operators and the deploy workflow read.</summary>
    private void AddOperations(ApplicationTargetGroup? publicTargetGroup, IReadOnlyDictionary<string, ISecret> secrets)
    {
        _ = new OperationsDashboard(this, "Dashboard", new OperationsDashboardProps
        {
            Name = prefix,
            Services = Services.Select(s => (s.Key, s.Value.Service)).ToArray(),
            LoadBalancer = LoadBalancer?.LoadBalancer,
            TargetGroup = publicTargetGroup,
            DatabaseClusterIdentifier = Databases.Count > 0 ? Databases[0].ClusterIdentifier : null,
            CacheNames = Caches.Keys.Select(cache => ServerlessCache.CacheName(prefix, cache)).ToArray(),
        });
        _ = new CostBudget(this, "Budget", new CostBudgetProps
        {
            Name = prefix,
            MonthlyUsd = sizes.MonthlyBudgetUsd,
            EnvironmentTag = props.Target.Name,
            Topic = AlarmTopic.Topic,
            Email = sizes.AlarmEmail,
        });

        _ = new CfnOutput(this, "ClusterName", new CfnOutputProps { Value = Cluster.ClusterName });
        foreach (var (name, secret) in secrets)
        {
            _ = new CfnOutput(this, $"Secret{NameCase.Pascal(name)}Arn", new CfnOutputProps
            {
                Value = secret.SecretArn,
                Description = $"Secret parameter '{name}' (JSON key '{AppSecrets.ValueKey}')",
            });
        }
    }

    /// <summary>A workload as the data stores and services it uses see it.</summary>
    private sealed record Client(WorkloadKind Kind, ContainerEnvironment Environment, ISecurityGroup SecurityGroup, Amazon.CDK.AWS.IAM.IRole TaskRole);
}
