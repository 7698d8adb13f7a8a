using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record ServiceAlarmsProps
{
    /// <summary>Alarm names start with it, e.g. <c>shop-dev-web</c> (appName <c>shop</c>).</summary>
    public required string Prefix { get; init; }

    public required string Workload { get; init; }

    /// <summary>The ECS service name (set explicitly, so metrics need no reference to the service).</summary>
    public required string ServiceName { get; init; }

    public required string ClusterName { get; init; }

    /// <summary>For an external service: its load balancer target group.</summary>
    public required ApplicationTargetGroup? TargetGroup { get; init; }

    public required ApplicationLoadBalancer? LoadBalancer { get; init; }

    public required ITopic Topic { get; init; }
}

/// <summary>
/// A service's alarms, all notifying the topic: CPU; for an external service target 5xx, unhealthy
/// hosts and p99 latency over 200 ms; for an internal one Service Connect 5xx. 5xx and unhealthy hosts
/// also roll a deployment back (latency does not: a cold start must not undo a good release).
/// </summary>
public sealed class ServiceAlarms : Construct
{
    public const double LatencyP99Seconds = 0.2;

    private readonly ServiceAlarmsProps _props;
    private readonly SnsAction _notify;
    private readonly List<Alarm> _alarms = [];
    private readonly List<Alarm> _rollbackAlarms = [];
    private readonly List<string> _rollbackAlarmNames = [];

    public ServiceAlarms(Construct scope, string id, ServiceAlarmsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _props = props;
        _notify = new SnsAction(props.Topic);
        var workload = props.Workload;

        Add("cpu", ServiceMetric("CPUUtilization", "Average", Duration.Minutes(5)), 85, ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
            $"{workload}: CPU above 85% for 15 minutes");

        if (props.TargetGroup is { } targetGroup)
        {
            Add("5xx", targetGroup.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, PerMinute("Sum")), 5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 2,
                $"{workload}: 5 or more 5xx responses a minute", rollsBack: true);
            Add("unhealthy-hosts", targetGroup.Metrics.UnhealthyHostCount(PerMinute("Maximum")), 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 2,
                $"{workload}: a target failing /alive", rollsBack: true);
            Add("p99-latency", targetGroup.Metrics.TargetResponseTime(new MetricOptions { Period = Duration.Minutes(5), Statistic = "p99" }), LatencyP99Seconds, ComparisonOperator.GREATER_THAN_THRESHOLD, 3,
                $"{workload}: p99 response time above 200 ms");
        }

        if (props.LoadBalancer is { } loadBalancer)
        {
            Add("alb-5xx", loadBalancer.Metrics.HttpCodeElb(HttpCodeElb.ELB_5XX_COUNT, PerMinute("Sum")), 5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 2,
                $"{workload}: the load balancer answered 5xx itself (no healthy target, timeouts)");
        }
        else
        {
            Add("5xx", ServiceMetric("HTTPCode_Target_5XX_Count", "Sum", Duration.Minutes(1), ("DiscoveryName", workload)), 5, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 2,
                $"{workload}: 5 or more 5xx responses a minute over Service Connect", rollsBack: true);
        }
    }

    public IReadOnlyList<Alarm> Alarms => _alarms;

    /// <summary>Alarms that roll a deployment back; the service must depend on them.</summary>
    public IReadOnlyList<Alarm> RollbackAlarms => _rollbackAlarms;

    public IReadOnlyList<string> RollbackAlarmNames => _rollbackAlarmNames;

    private static MetricOptions PerMinute(string statistic) => new() { Period = Duration.Minutes(1), Statistic = statistic };

    private void Add(string suffix, IMetric metric, double threshold, ComparisonOperator comparison, int periods, string description, bool rollsBack = false)
    {
        var name = $"{_props.Prefix}-{suffix}";
        var alarm = new Alarm(this, NameCase.Pascal(suffix), new AlarmProps
        {
            AlarmName = name,
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = periods,
            DatapointsToAlarm = periods,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(_notify);
        alarm.AddOkAction(_notify);
        _alarms.Add(alarm);
        if (rollsBack)
        {
            _rollbackAlarms.Add(alarm);
            _rollbackAlarmNames.Add(name);
        }
    }

    // Dimensions are literal names: the service refers to these alarms, so they cannot refer to it.
    private Metric ServiceMetric(string metric, string statistic, Duration period, params (string Name, string Value)[] extra)
    {
        var dimensions = new Dictionary<string, string>
        {
            ["ClusterName"] = _props.ClusterName,
            ["ServiceName"] = _props.ServiceName,
        };
        foreach (var (name, value) in extra)
        {
            dimensions[name] = value;
        }

        return new Metric(new MetricProps
        {
            Namespace = "AWS/ECS",
            MetricName = metric,
            DimensionsMap = dimensions,
            Statistic = statistic,
            Period = period,
        });
    }
}
