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
    public EnvironmentStack(Construct scope, string id, EnvironmentStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var app = props.Application;
        var settings = props.Settings;
        var target = props.Target;
        var sizes = target.Settings;
        var production = sizes.Production;
        var prefix = StackNames.Environment(settings.AppName, target.Name);
        var retention = Retention.FromDays(sizes.LogRetentionDays);
        var removal = production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        var architecture = WorkloadTask.ParseArchitecture(settings.CpuArchitecture);
        var vpc = props.Base.Vpc;

        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            ClusterName = prefix,
            Vpc = vpc,
            ContainerInsightsV2 = ContainerInsights.ENABLED,
        });
        Cluster.AddDefaultCloudMapNamespace(new CloudMapNamespaceOptions
        {
            Name = prefix,
            Type = NamespaceType.HTTP,
            UseForServiceConnect = true,
        });

        if (app.Database is { } database)
        {
            Database = new AuroraDatabase(this, "Database", new AuroraDatabaseProps(
                prefix, database, sizes.Database, production, vpc, retention));
        }

        if (app.Cache is not null)
        {
            Cache = new ServerlessCache(this, "Cache", new ServerlessCacheProps(prefix, vpc, production));
        }

        Secrets = new AppSecrets(this, "Secrets", new AppSecretsProps(app.Secrets, production));
        var telemetry = new TelemetryCollector(this, "Telemetry", new TelemetryCollectorProps(
            $"{settings.AppName}/{target.Name}",
            $"/{settings.AppName}/{target.Name}/otel-metrics",
            retention,
            production));
        var serviceConnectLogs = new LogGroup(this, "ServiceConnectLogs", new LogGroupProps
        {
            LogGroupName = $"/{settings.AppName}/{target.Name}/service-connect",
            Retention = retention,
            RemovalPolicy = removal,
        });

        var bindings = new WorkloadBindings(
            Database,
            Cache,
            Secrets.Secrets,
            app.Services.Where(s => s.HasHttpEndpoint).Select(s => s.Name).ToHashSet(StringComparer.Ordinal));

        WorkloadTask Task(Construct workloadScope, WorkloadModel workload, ServiceSize size, ContainerEnvironment environment) =>
            new(workloadScope, "Task", new WorkloadTaskProps(
                workload,
                size,
                architecture,
                RepositoryOf(props.Base, workload.Name),
                props.ImageTag,
                environment,
                telemetry,
                $"/{settings.AppName}/{target.Name}/{workload.Name}",
                retention,
                production));

        var services = new Dictionary<string, WorkloadService>(StringComparer.Ordinal);
        var environments = new Dictionary<string, (ContainerEnvironment Environment, ISecurityGroup SecurityGroup)>(StringComparer.Ordinal);
        foreach (var workload in app.Services)
        {
            var workloadScope = new Construct(this, NameCase.Pascal(workload.Name));
            var environment = ContainerEnvironment.Translate(workload, bindings, sizes.SeedData);
            var size = sizes.SizeOf(workload.Name);
            var service = new WorkloadService(workloadScope, "Service", new WorkloadServiceProps(
                workload,
                Cluster,
                Task(workloadScope, workload, size, environment),
                size,
                serviceConnectLogs));
            if (sizes.ScaleToZeroOutsideWorkingHours && !production)
            {
                _ = new WorkingHoursSchedule(workloadScope, "WorkingHours", new WorkingHoursScheduleProps(
                    service.Scaling, size.MinCount, size.MaxCount));
            }

            services.Add(workload.Name, service);
            environments.Add(workload.Name, (environment, service.SecurityGroup));
        }

        var gates = new List<MigrationGate>();
        foreach (var job in app.Jobs)
        {
            var jobScope = new Construct(this, NameCase.Pascal(job.Name));
            var environment = ContainerEnvironment.Translate(job, bindings, sizes.SeedData);
            var securityGroup = new SecurityGroup(jobScope, "SecurityGroup", new SecurityGroupProps
            {
                Vpc = vpc,
                Description = $"Job {job.Name}",
                AllowAllOutbound = true,
            });
            var gate = new MigrationGate(jobScope, "Gate", new MigrationGateProps(
                Cluster,
                Task(jobScope, job, sizes.Job, environment),
                securityGroup,
                props.ImageTag,
                retention,
                production));
            gates.Add(gate);
            environments.Add(job.Name, (environment, securityGroup));
        }

        foreach (var (name, (environment, securityGroup)) in environments)
        {
            if (environment.UsesDatabase)
            {
                Database!.AllowFrom(securityGroup, $"{name} to the database");
            }

            if (environment.UsesCache)
            {
                Cache!.AllowFrom(securityGroup, $"{name} to the cache");
            }

            foreach (var callee in environment.CalledServices)
            {
                services[callee].SecurityGroup.AddIngressRule(
                    securityGroup, Port.Tcp(EndpointModel.ContainerPort), $"{name} calls {callee} over Service Connect");
            }
        }

        // Jobs run after the data stores (and their ingress rules) exist and before any service rolls.
        var dependencies = new Construct?[] { Database, Cache, Secrets }.OfType<Construct>().ToArray();
        foreach (var gate in gates)
        {
            gate.ExecuteAfter(dependencies);
            gate.ExecuteBefore(services.Values.Select(s => (Construct)s.Service).ToArray());
        }

        _ = new TriggerProviderPolicy(this, "TriggerProvider", new TriggerProviderPolicyProps(gates, retention, production));

        AlarmTopic = new AlarmTopic(this, "Alarms", new AlarmTopicProps($"{prefix}-alarms", sizes.AlarmEmail, production));
        ApplicationTargetGroup? publicTargetGroup = null;
        foreach (var workload in app.Services)
        {
            var service = services[workload.Name];
            ApplicationTargetGroup? targetGroup = null;
            if (workload.IsExternal)
            {
                LoadBalancer ??= new PublicLoadBalancer(this, "Public", new PublicLoadBalancerProps(
                    vpc,
                    props.Base.Certificate,
                    props.Base.Zone,
                    target.Hostname,
                    props.Base.AccessLogs,
                    target.Name,
                    production));
                targetGroup = LoadBalancer.Route(workload.Name, service.Service);
                publicTargetGroup = targetGroup;
            }

            var alarms = new ServiceAlarms(service, "Alarms", new ServiceAlarmsProps(
                $"{prefix}-{workload.Name}",
                workload.Name,
                workload.Name,
                Cluster.ClusterName,
                targetGroup,
                workload.IsExternal ? LoadBalancer!.LoadBalancer : null,
                AlarmTopic.Topic));
            service.RollBackOn(alarms);
        }

        if (LoadBalancer is not null)
        {
            _ = new WebFirewall(this, "Firewall", new WebFirewallProps(prefix, LoadBalancer.LoadBalancer.LoadBalancerArn));
            _ = new CfnOutput(this, "Url", new CfnOutputProps { Value = LoadBalancer.Url, Description = "Public URL" });
        }

        _ = new OperationsDashboard(this, "Dashboard", new OperationsDashboardProps(
            prefix,
            services.Select(s => (s.Key, s.Value.Service)).ToArray(),
            LoadBalancer?.LoadBalancer,
            publicTargetGroup,
            Database is null ? null : prefix,
            Cache is null ? null : prefix));
        _ = new CostBudget(this, "Budget", new CostBudgetProps(
            prefix, sizes.MonthlyBudgetUsd, target.Name, AlarmTopic.Topic, sizes.AlarmEmail));

        _ = new CfnOutput(this, "ClusterName", new CfnOutputProps { Value = Cluster.ClusterName });
        foreach (var (name, secret) in Secrets.Secrets)
        {
            _ = new CfnOutput(this, $"Secret{NameCase.Pascal(name)}Arn", new CfnOutputProps
            {
                Value = secret.SecretArn,
                Description = $"Secret parameter '{name}' (JSON key '{AppSecrets.ValueKey}')",
            });
        }

        Services = services;
        MigrationGates = gates;
    }

    public Cluster Cluster { get; }

    public AuroraDatabase? Database { get; }

    public ServerlessCache? Cache { get; }

    public AppSecrets Secrets { get; }

    public AlarmTopic AlarmTopic { get; }

    public PublicLoadBalancer? LoadBalancer { get; }

    public IReadOnlyDictionary<string, WorkloadService> Services { get; }

    public IReadOnlyList<MigrationGate> MigrationGates { get; }

    private static IRepository RepositoryOf(BaseStack baseStack, string workload) =>
        baseStack.Repositories.TryGetValue(workload, out var repository)
            ? repository
            : throw new InvalidOperationException($"The base stack has no image repository for '{workload}'.");
}
