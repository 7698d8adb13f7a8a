using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record WorkloadServiceProps
{
    public required WorkloadModel Workload { get; init; }

    public required ICluster Cluster { get; init; }

    public required WorkloadTask Task { get; init; }

    public required ServiceSize Size { get; init; }

    /// <summary>Log group of the Service Connect proxy.</summary>
    public required ILogGroup ServiceConnectLogs { get; init; }
}

/// <summary>
/// One long-running workload: a Fargate service in the private subnets, in the environment's Service
/// Connect namespace as <c>{name}:{port}</c> for each endpoint (a project: <c>http://{name}:8080</c>), rolled back by the circuit breaker (and by alarms
/// given to <see cref="RollBackOn"/>), scaled on CPU and memory between the size's bounds. The template
/// carries no desired count, so a deployment never changes how many tasks run.
/// </summary>
public sealed class WorkloadService : Construct
{
    public const int CpuTargetPercent = 60;
    public const int MemoryTargetPercent = 75;

    public WorkloadService(Construct scope, string id, WorkloadServiceProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var size = props.Size;
        var name = props.Workload.Name;
        if (size.MinCount < 0 || size.MinCount > size.MaxCount || size.DesiredCount < size.MinCount || size.DesiredCount > size.MaxCount)
        {
            throw new ArgumentException(
                $"{name}: counts must satisfy 0 <= min ({size.MinCount}) <= desired ({size.DesiredCount}) <= max ({size.MaxCount}).",
                nameof(props));
        }

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Cluster.Vpc,
            Description = $"Service {name}",
            AllowAllOutbound = true,
        });
        Service = new FargateService(this, "Service", new FargateServiceProps
        {
            Cluster = props.Cluster,
            TaskDefinition = props.Task.TaskDefinition,
            ServiceName = name,
            MinHealthyPercent = 100,
            MaxHealthyPercent = 200,
            CircuitBreaker = new DeploymentCircuitBreaker { Enable = true, Rollback = true },
            SecurityGroups = new ISecurityGroup[] { SecurityGroup },
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            AssignPublicIp = false,
            PropagateTags = PropagatedTagSource.SERVICE,
            EnableECSManagedTags = true,
            HealthCheckGracePeriod = props.Workload.IsExternal ? Duration.Seconds(60) : null,
            ServiceConnectConfiguration = new ServiceConnectProps
            {
                Services = props.Workload.HasEndpoint
                    ? props.Workload.Endpoints.Select((endpoint, index) => (IServiceConnectService)new ServiceConnectService
                    {
                        PortMappingName = endpoint.Name,
                        // Unique in the namespace; every endpoint answers to the workload's name at its own port.
                        DiscoveryName = index == 0 ? name : $"{name}-{endpoint.Name}",
                        DnsName = name,
                        Port = endpoint.Port,
                    }).ToArray()
                    : null,
                LogDriver = LogDrivers.AwsLogs(new AwsLogDriverProps
                {
                    LogGroup = props.ServiceConnectLogs,
                    StreamPrefix = name,
                }),
            },
        });

        // CloudFormation sends DesiredCount with every service update, which would reset a scaled-out service
        // (aws/aws-cdk#3919). Without it ECS starts a new service with 1 task, registering the scalable target
        // brings that into [min, max], and an update keeps whatever autoscaling chose.
        ((CfnService)Service.Node.DefaultChild!).AddPropertyDeletionOverride("DesiredCount");

        Scaling = Service.AutoScaleTaskCount(new Amazon.CDK.AWS.ApplicationAutoScaling.EnableScalingProps
        {
            MinCapacity = size.MinCount,
            MaxCapacity = size.MaxCount,
        });
        Scaling.ScaleOnCpuUtilization("Cpu", new CpuUtilizationScalingProps { TargetUtilizationPercent = CpuTargetPercent });
        Scaling.ScaleOnMemoryUtilization("Memory", new MemoryUtilizationScalingProps { TargetUtilizationPercent = MemoryTargetPercent });
    }

    public FargateService Service { get; }

    public SecurityGroup SecurityGroup { get; }

    public ScalableTaskCount Scaling { get; }

    /// <summary>Rolls a deployment back when any of these alarms fires while it is in progress.</summary>
    public void RollBackOn(ServiceAlarms alarms)
    {
        ArgumentNullException.ThrowIfNull(alarms);
        if (alarms.RollbackAlarmNames.Count == 0)
        {
            return;
        }

        Service.EnableDeploymentAlarms(alarms.RollbackAlarmNames.ToArray(), new DeploymentAlarmOptions
        {
            Behavior = AlarmBehavior.ROLLBACK_ON_ALARM,
        });
        foreach (var alarm in alarms.RollbackAlarms)
        {
            Service.Node.AddDependency(alarm);
        }
    }
}
