using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="MetricsNamespace">CloudWatch namespace of the applications' OpenTelemetry metrics.</param>
/// <param name="MetricsLogGroupName">Log group the collector writes embedded-metric-format records to; <c>null</c>: generated.</param>
public sealed record TelemetryCollectorProps(
    string MetricsNamespace,
    string? MetricsLogGroupName,
    RetentionDays Retention,
    bool Production);

/// <summary>
/// The ADOT collector sidecar every task gets: OTLP in on localhost:4317 (where
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> points), traces out to X-Ray, metrics out to CloudWatch.
/// </summary>
public sealed class TelemetryCollector : Construct
{
    public const string ContainerName = "otel-collector";

    /// <summary>Pinned: the collector's config format changes between releases.</summary>
    public const string Image = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";

    /// <summary>X-Ray's trace APIs have no resource-level permissions, so these need resource <c>*</c>.</summary>
    public static readonly IReadOnlyList<string> XRayActions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"];

    private readonly string config;

    public TelemetryCollector(Construct scope, string id, TelemetryCollectorProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        MetricsLogGroup = new LogGroup(this, "Metrics", new LogGroupProps
        {
            LogGroupName = props.MetricsLogGroupName,
            Retention = props.Retention,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        config = $$"""
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: localhost:4317
                  http:
                    endpoint: localhost:4318
            processors:
              batch/traces:
                timeout: 1s
                send_batch_size: 50
              batch/metrics:
                timeout: 60s
            exporters:
              awsxray:
              awsemf:
                namespace: {{props.MetricsNamespace}}
                log_group_name: {{MetricsLogGroup.LogGroupName}}
                log_stream_name: otel-{TaskId}
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  processors: [batch/traces]
                  exporters: [awsxray]
                metrics:
                  receivers: [otlp]
                  processors: [batch/metrics]
                  exporters: [awsemf]
            """;
    }

    public LogGroup MetricsLogGroup { get; }

    /// <summary>Adds the sidecar to a task, starts the application after it, and grants what it exports with.</summary>
    public void AddTo(TaskDefinition taskDefinition, ContainerDefinition application, ILogGroup logGroup)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        ArgumentNullException.ThrowIfNull(application);
        var collector = taskDefinition.AddContainer(ContainerName, new ContainerDefinitionOptions
        {
            ContainerName = ContainerName,
            Image = ContainerImage.FromRegistry(Image),
            // Losing telemetry must not stop the application, and a job's task must end when the job does.
            Essential = false,
            MemoryReservationMiB = 64,
            Environment = new Dictionary<string, string> { ["AOT_CONFIG_CONTENT"] = config },
            Logging = LogDrivers.AwsLogs(new AwsLogDriverProps
            {
                LogGroup = logGroup,
                StreamPrefix = ContainerName,
                Mode = AwsLogDriverMode.NON_BLOCKING,
            }),
        });
        application.AddContainerDependencies(new ContainerDependency
        {
            Container = collector,
            Condition = ContainerDependencyCondition.START,
        });
        taskDefinition.AddToTaskRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "XRayTraces",
            Actions = XRayActions.ToArray(),
            Resources = new[] { "*" },
        }));
        MetricsLogGroup.GrantWrite(taskDefinition.TaskRole);
    }
}
