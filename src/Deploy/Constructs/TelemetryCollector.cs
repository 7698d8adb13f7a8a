using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="MetricsNamespace">CloudWatch namespace of the applications' OpenTelemetry metrics.</param>
/// <param name="MetricsLogGroupName">Log group the collector writes embedded-metric-format records to; <c>null</c>: generated.</param>
/// <param name="LogsLogGroupName">Log group of the applications' OpenTelemetry log records; <c>null</c>: generated.</param>
public sealed record TelemetryCollectorProps(
    string MetricsNamespace,
    string? MetricsLogGroupName,
    string? LogsLogGroupName,
    RetentionDays Retention,
    bool Production);

/// <summary>
/// The ADOT collector sidecar every task gets: OTLP in on localhost:4317 (where
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> points), traces out to X-Ray, metrics out to CloudWatch, and log
/// records (ServiceDefaults exports logs over OTLP too) to CloudWatch Logs with their trace and span IDs.
/// Container stdout still goes to the workload's log group: it is all there is when a process fails to start.
/// </summary>
public sealed class TelemetryCollector : Construct
{
    public const string ContainerName = "otel-collector";

    /// <summary>
    /// Pinned: the collector's config format changes between releases. v0.49.0 is the newest release (2026-07) and
    /// still ships every component the config below uses (otlp, batch, awsxray, awsemf, awscloudwatchlogs).
    /// </summary>
    public const string Image = "public.ecr.aws/aws-observability/aws-otel-collector:v0.49.0";

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
        LogsLogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = props.LogsLogGroupName,
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
              batch/logs:
                timeout: 5s
            exporters:
              awsxray:
              awsemf:
                namespace: {{props.MetricsNamespace}}
                log_group_name: {{MetricsLogGroup.LogGroupName}}
                log_stream_name: otel-{TaskId}
              awscloudwatchlogs:
                region: {{Aws.REGION}}
                log_group_name: {{LogsLogGroup.LogGroupName}}
                log_stream_name: otel-logs
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
                logs:
                  receivers: [otlp]
                  processors: [batch/logs]
                  exporters: [awscloudwatchlogs]
            """;
    }

    public LogGroup MetricsLogGroup { get; }

    public LogGroup LogsLogGroup { get; }

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
        LogsLogGroup.GrantWrite(taskDefinition.TaskRole);
    }
}
