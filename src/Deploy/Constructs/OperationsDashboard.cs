using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record OperationsDashboardProps
{
    public required string Name { get; init; }

    /// <summary>Workload name and service of every long-running workload.</summary>
    public required IReadOnlyList<(string Workload, FargateService Service)> Services { get; init; }

    public required ApplicationLoadBalancer? LoadBalancer { get; init; }

    public required ApplicationTargetGroup? TargetGroup { get; init; }

    public required string? DatabaseClusterIdentifier { get; init; }

    public required IReadOnlyList<string> CacheNames { get; init; }
}

/// <summary>One CloudWatch dashboard per environment: traffic, latency, services, database and cache.</summary>
public sealed class OperationsDashboard : Construct
{
    public OperationsDashboard(Construct scope, string id, OperationsDashboardProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var minute = Duration.Minutes(1);
        var widgets = new List<IWidget>();
        if (props.LoadBalancer is { } loadBalancer && props.TargetGroup is { } targetGroup)
        {
            widgets.Add(new GraphWidget(new GraphWidgetProps
            {
                Title = "Requests and errors",
                Width = 12,
                Left = new IMetric[]
                {
                    loadBalancer.Metrics.RequestCount(new MetricOptions { Period = minute }),
                    loadBalancer.Metrics.HttpCodeElb(HttpCodeElb.ELB_5XX_COUNT, new MetricOptions { Period = minute }),
                    targetGroup.Metrics.HttpCodeTarget(HttpCodeTarget.TARGET_5XX_COUNT, new MetricOptions { Period = minute }),
                },
            }));
            widgets.Add(new GraphWidget(new GraphWidgetProps
            {
                Title = "Response time p50 / p99 (s)",
                Width = 12,
                Left = new IMetric[]
                {
                    targetGroup.Metrics.TargetResponseTime(new MetricOptions { Period = minute, Statistic = "p50" }),
                    targetGroup.Metrics.TargetResponseTime(new MetricOptions { Period = minute, Statistic = "p99" }),
                },
            }));
        }

        widgets.Add(new GraphWidget(new GraphWidgetProps
        {
            Title = "Service CPU (%)",
            Width = 12,
            Left = props.Services.Select(s => (IMetric)s.Service.MetricCpuUtilization(new MetricOptions { Period = minute, Label = s.Workload })).ToArray(),
        }));
        widgets.Add(new GraphWidget(new GraphWidgetProps
        {
            Title = "Service memory (%)",
            Width = 12,
            Left = props.Services.Select(s => (IMetric)s.Service.MetricMemoryUtilization(new MetricOptions { Period = minute, Label = s.Workload })).ToArray(),
        }));

        if (props.DatabaseClusterIdentifier is { } cluster)
        {
            widgets.Add(new GraphWidget(new GraphWidgetProps
            {
                Title = "Aurora capacity (ACU) and connections",
                Width = 12,
                Left = new IMetric[] { RdsMetric("ServerlessDatabaseCapacity", cluster) },
                Right = new IMetric[] { RdsMetric("DatabaseConnections", cluster) },
            }));
        }

        foreach (var cache in props.CacheNames)
        {
            widgets.Add(new GraphWidget(new GraphWidgetProps
            {
                Title = props.CacheNames.Count == 1 ? "Cache processing units and data" : $"Cache {cache}: processing units and data",
                Width = 12,
                Left = new IMetric[] { CacheMetric("ElastiCacheProcessingUnits", cache, "Sum") },
                Right = new IMetric[] { CacheMetric("BytesUsedForCache", cache, "Average") },
            }));
        }

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = props.Name,
            Widgets = widgets.Chunk(2).Select(row => row.ToArray()).ToArray(),
        });
    }

    public Dashboard Dashboard { get; }

    private static Metric RdsMetric(string name, string cluster) => new(new MetricProps
    {
        Namespace = "AWS/RDS",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["DBClusterIdentifier"] = cluster },
        Statistic = "Average",
        Period = Duration.Minutes(1),
    });

    private static Metric CacheMetric(string name, string cache, string statistic) => new(new MetricProps
    {
        Namespace = "AWS/ElastiCache",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["clusterId"] = cache },
        Statistic = statistic,
        Period = Duration.Minutes(1),
    });
}
