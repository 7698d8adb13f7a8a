using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Logs;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record WorkloadTaskProps
{
    public required WorkloadModel Workload { get; init; }

    public required ServiceSize Size { get; init; }

    public required CpuArchitecture Architecture { get; init; }

    /// <summary>The workload's ECR repository; null for an image pulled from its registry (<see cref="RegistryImage"/>).</summary>
    public required IRepository? Repository { get; init; }

    public required string ImageTag { get; init; }

    public required ContainerEnvironment Environment { get; init; }

    public required TelemetryCollector Telemetry { get; init; }

    /// <summary>The workload's application log group, e.g. <c>/shop/dev/api</c> (appName <c>shop</c>); <c>null</c>: generated.</summary>
    public required string? LogGroupName { get; init; }

    public required RetentionDays LogRetention { get; init; }

    public required bool Production { get; init; }
}

/// <summary>
/// The Fargate task definition of one workload: its image from the base stack's repository at the
/// deployment's tag (or a public image from its registry), one named port mapping per endpoint (a project's
/// <c>http</c> on 8080), logs, and the telemetry sidecar.
/// </summary>
public sealed class WorkloadTask : Construct
{
    public WorkloadTask(Construct scope, string id, WorkloadTaskProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var workload = props.Workload;
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = props.LogGroupName,
            Retention = props.LogRetention,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        TaskDefinition = new FargateTaskDefinition(this, "TaskDefinition", new FargateTaskDefinitionProps
        {
            Cpu = props.Size.Cpu,
            MemoryLimitMiB = props.Size.MemoryMiB,
            RuntimePlatform = new RuntimePlatform
            {
                CpuArchitecture = props.Architecture,
                OperatingSystemFamily = OperatingSystemFamily.LINUX,
            },
        });
        Container = TaskDefinition.AddContainer(workload.Name, new ContainerDefinitionOptions
        {
            ContainerName = workload.Name,
            Image = props.Repository is { } repository
                ? ContainerImage.FromEcrRepository(repository, props.ImageTag)
                : ContainerImage.FromRegistry(((RegistryImage)workload.Image).Reference),
            EntryPoint = workload.Entrypoint is { } entrypoint ? new[] { entrypoint } : null,
            Command = workload.Args.Count > 0 ? workload.Args.ToArray() : null,
            Essential = true,
            Environment = props.Environment.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal),
            Secrets = props.Environment.Secrets.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
            PortMappings = workload.HasEndpoint
                ? workload.Endpoints.Select(endpoint => (IPortMapping)new PortMapping
                {
                    Name = endpoint.Name,
                    ContainerPort = endpoint.Port,
                    Protocol = Amazon.CDK.AWS.ECS.Protocol.TCP,
                    AppProtocol = endpoint.IsHttp ? AppProtocol.Http : null,
                }).ToArray()
                : null,
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps
            {
                LogGroup = LogGroup,
                StreamPrefix = workload.Name,
                Mode = AwsLogDriverMode.NON_BLOCKING,
            }),
            StopTimeout = Duration.Seconds(30),
            // The load balancer checks external services; nothing else would replace a hung internal one. Only
            // projects are known to serve /alive (and to have bash); another image is replaced only when it exits.
            HealthCheck = workload.Kind == WorkloadKind.Service && workload.IsProject && workload.HasEndpoint && !workload.IsExternal
                ? LivenessCheck
                : null,
        });
        props.Telemetry.AddTo(TaskDefinition, Container, LogGroup);
    }

    /// <summary>
    /// GET <c>/alive</c> on the container port. The .NET runtime images have bash but neither curl nor wget,
    /// and <c>/bin/sh</c> may be dash, which has no <c>/dev/tcp</c>.
    /// </summary>
    public static Amazon.CDK.AWS.ECS.HealthCheck LivenessCheck { get; } = new()
    {
        Command = new[]
        {
            "CMD", "bash", "-c",
            $"exec 3<>/dev/tcp/127.0.0.1/{EndpointModel.ContainerPort} && printf 'GET {HealthPaths.Liveness} HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '",
        },
        Interval = Duration.Seconds(30),
        Timeout = Duration.Seconds(5),
        Retries = 3,
        StartPeriod = Duration.Seconds(60),
    };

    public FargateTaskDefinition TaskDefinition { get; }

    public ContainerDefinition Container { get; }

    public LogGroup LogGroup { get; }

    public static CpuArchitecture ParseArchitecture(string architecture) => architecture switch
    {
        "ARM64" => CpuArchitecture.ARM64,
        "X86_64" => CpuArchitecture.X86_64,
        _ => throw new ArgumentException(
            $"CPU architecture '{architecture}' is not ARM64 or X86_64 (the one architecture images are built for).",
            nameof(architecture)),
    };
}
