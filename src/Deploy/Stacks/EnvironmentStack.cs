using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.ServiceDiscovery;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>
/// Everything one environment (or pull-request preview) runs: database, cache, secrets, the ECS
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
        Database = props.Application.Database is { } database
            ? new AuroraDatabase(this, "Database", new AuroraDatabaseProps
            {
                ClusterIdentifier = prefix,
                Database = database,
                Size = sizes.Database,
                Production = Production,
                Vpc = shared.Vpc,
                LogRetention = retention,
                ReaderAvailabilityZone = props.Settings.AvailabilityZones[1],
            })
            : null;
        Caches = props.Application.Caches.ToDictionary(
            cache => cache.Resource,
            cache => new ServerlessCache(this, ServerlessCache.LogicalId(cache.Resource), new ServerlessCacheProps(
                ServerlessCache.CacheName(prefix, cache.Resource), shared.Vpc, Production)),
            StringComparer.Ordinal);
        Secrets = new AppSecrets(this, "Secrets", new AppSecretsProps(props.Application.Secrets, Production));
        var telemetry = new TelemetryCollector(this, "Telemetry", new TelemetryCollectorProps(
            $"{props.Settings.AppName}/{props.Target.Name}",
            LogGroupName("otel-metrics"),
            LogGroupName("otel-logs"),
            retention,
            Production));
        var bindings = new WorkloadBindings(
            Database,
            Caches,
            Secrets.Secrets,
            props.Application.Services.Where(s => s.HasEndpoint).ToDictionary(s => s.Name, StringComparer.Ordinal),
            new ComposedSecrets(this, "ComposedSecrets", new ComposedSecretsProps(Production)));

        var clients = new Dictionary<string, (ContainerEnvironment Environment, ISecurityGroup SecurityGroup)>(StringComparer.Ordinal);
        Services = AddServices(bindings, telemetry, clients);
        MigrationGates = AddJobs(bindings, telemetry, clients);
        AllowTraffic(clients);
        GateServicesOnJobs();
        AlarmTopic = new AlarmTopic(this, "Alarms", new AlarmTopicProps($"{prefix}-alarms", sizes.AlarmEmail, Production));
        var publicTargetGroup = AddIngressAndAlarms();
        AddOperations(publicTargetGroup);
    }

    public Cluster Cluster { get; }

    public AuroraDatabase? Database { get; }

    /// <summary>By manifest resource name.</summary>
    public IReadOnlyDictionary<string, ServerlessCache> Caches { get; }

    public AppSecrets Secrets { get; }

    public AlarmTopic AlarmTopic { get; }

    public PublicLoadBalancer? LoadBalancer { get; private set; }

    public IReadOnlyDictionary<string, WorkloadService> Services { get; }

    public IReadOnlyList<MigrationGate> MigrationGates { get; }

    private bool Production => sizes.Production;

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
        WorkloadBindings bindings, TelemetryCollector telemetry, Dictionary<string, (ContainerEnvironment, ISecurityGroup)> clients)
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
            var service = new WorkloadService(workloadScope, "Service", new WorkloadServiceProps
            {
                Workload = workload,
                Cluster = Cluster,
                Task = AddTask(workloadScope, workload, size, environment, telemetry),
                Size = size,
                ServiceConnectLogs = serviceConnectLogs,
            });
            if (sizes.ScaleToZeroOutsideWorkingHours && !Production)
            {
                _ = new WorkingHoursSchedule(workloadScope, "WorkingHours", new WorkingHoursScheduleProps(
                    service.Scaling, size.MinCount, size.MaxCount));
            }

            services.Add(workload.Name, service);
            clients.Add(workload.Name, (environment, service.SecurityGroup));
        }

        return services;
    }

    /// <summary>The one-off workloads (migrations), each a gate that must succeed before services roll.</summary>
    private List<MigrationGate> AddJobs(
        WorkloadBindings bindings, TelemetryCollector telemetry, Dictionary<string, (ContainerEnvironment, ISecurityGroup)> clients)
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
            gates.Add(new MigrationGate(jobScope, "Gate", new MigrationGateProps
            {
                Cluster = Cluster,
                Task = AddTask(jobScope, job, sizes.Job, environment, telemetry),
                SecurityGroup = securityGroup,
                ImageTag = props.ImageTag,
                LogRetention = retention,
                Production = Production,
            }));
            clients.Add(job.Name, (environment, securityGroup));
        }

        return gates;
    }

    /// <summary>
    /// Ingress to each data store and service from exactly the workloads that use it; each service is
    /// created after the services it calls (two services that call each other cannot be ordered).
    /// </summary>
    private void AllowTraffic(Dictionary<string, (ContainerEnvironment Environment, ISecurityGroup SecurityGroup)> clients)
    {
        foreach (var (name, (environment, securityGroup)) in clients)
        {
            if (environment.UsesDatabase)
            {
                Database!.AllowFrom(securityGroup, $"{name} to the database");
            }

            foreach (var cache in environment.UsedCaches)
            {
                Caches[cache].AllowFrom(securityGroup, Caches.Count == 1 ? $"{name} to the cache" : $"{name} to the cache {cache}");
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

    /// <summary>Jobs run after the data stores (and their ingress rules) exist and before any service rolls.</summary>
    private void GateServicesOnJobs()
    {
        var dataStores = new Construct?[] { Database, Secrets }.Concat(Caches.Values).OfType<Construct>().ToArray();
        foreach (var gate in MigrationGates)
        {
            gate.ExecuteAfter(dataStores);
            gate.ExecuteBefore(Services.Values.Select(s => (Construct)s.Service).ToArray());
        }

        _ = new TriggerProviderPolicy(this, "TriggerProvider", new TriggerProviderPolicyProps(MigrationGates, retention, Production));
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
            _ = new WebFirewall(this, "Firewall", new WebFirewallProps(prefix, LoadBalancer.LoadBalancer.LoadBalancerArn));
            _ = new CfnOutput(this, "Url", new CfnOutputProps { Value = LoadBalancer.Url, Description = "Public URL" });
        }

        return publicTargetGroup;
    }

    /// <summary>Dashboard, budget, and the outputs operators and the deploy workflow read.</summary>
    private void AddOperations(ApplicationTargetGroup? publicTargetGroup)
    {
        _ = new OperationsDashboard(this, "Dashboard", new OperationsDashboardProps
        {
            Name = prefix,
            Services = Services.Select(s => (s.Key, s.Value.Service)).ToArray(),
            LoadBalancer = LoadBalancer?.LoadBalancer,
            TargetGroup = publicTargetGroup,
            DatabaseClusterIdentifier = Database is null ? null : prefix,
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
        foreach (var (name, secret) in Secrets.Secrets)
        {
            _ = new CfnOutput(this, $"Secret{NameCase.Pascal(name)}Arn", new CfnOutputProps
            {
                Value = secret.SecretArn,
                Description = $"Secret parameter '{name}' (JSON key '{AppSecrets.ValueKey}')",
            });
        }
    }
}
