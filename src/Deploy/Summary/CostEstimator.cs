using System.Globalization;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Summary;

/// <summary>
/// A rough monthly cost of an environment from its settings and what its synthesized templates contain.
/// The usage assumptions are constants here and listed in docs/deploy.md.
/// </summary>
public static class CostEstimator
{
    /// <summary>Aurora's smallest running capacity: what a cluster with <c>minAcu: 0</c> runs at while in use.</summary>
    public const decimal AuroraActiveAcu = 0.5m;

    public const decimal AuroraStorageGb = 1m;

    public const decimal LoadBalancerLcu = 0.1m;

    public const decimal ProductionLoadBalancerLcu = 1m;

    public const decimal LogGbPerService = 1m;

    public const decimal ProductionLogGbPerService = 5m;

    public const decimal CacheMillionEcpuPerMonth = 30m;

    public const decimal NatDataGbPerMonth = 10m;

    public const decimal ImageGbPerRepository = 1m;

    /// <summary>Hours a month a service scaled to zero outside working hours runs (see <see cref="WorkingHoursSchedule"/>).</summary>
    public static decimal WorkingHoursPerMonth { get; } =
        (int.Parse(WorkingHoursSchedule.StopHourUtc, CultureInfo.InvariantCulture)
            - int.Parse(WorkingHoursSchedule.StartHourUtc, CultureInfo.InvariantCulture)) * 5m * 52m / 12m;

    public static CostEstimate Estimate(
        DeploymentSettings settings,
        DeploymentEnvironment environment,
        ApplicationModel application,
        TemplateInventory environmentStack,
        TemplateInventory baseStack,
        PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(environmentStack);
        ArgumentNullException.ThrowIfNull(baseStack);
        ArgumentNullException.ThrowIfNull(prices);

        var env = environment.Settings;
        var serviceHours = env.ScaleToZeroOutsideWorkingHours ? WorkingHoursPerMonth : PriceTable.HoursPerMonth;
        var arm = settings.CpuArchitecture == "ARM64";
        var lines = new List<CostLine>();

        foreach (var service in application.Services)
        {
            var size = env.SizeOf(service);
            var vcpu = size.Cpu / 1024m;
            var gb = size.MemoryMiB / 1024m;
            var taskHours = size.DesiredCount * serviceHours;
            var cost = taskHours * ((vcpu * (arm ? prices.FargateArmVcpuHour : prices.FargateX86VcpuHour))
                + (gb * (arm ? prices.FargateArmGbHour : prices.FargateX86GbHour)));
            lines.Add(new CostLine($"Fargate {service.Name}",
                $"{size.DesiredCount} x ({N(vcpu)} vCPU, {N(gb)} GB) x {N(serviceHours)} h, {settings.CpuArchitecture}", cost));
        }

        var clusters = environmentStack.Count("AWS::RDS::DBCluster");
        if (clusters > 0)
        {
            var (acu, hours) = env.Database.MinAcu > 0
                ? ((decimal)env.Database.MinAcu, PriceTable.HoursPerMonth)
                : (AuroraActiveAcu, serviceHours);
            // Readers scale with the writer, so each instance runs the writer's capacity.
            var instances = environmentStack.Count("AWS::RDS::DBInstance");
            lines.Add(new CostLine("Aurora Serverless v2",
                $"{instances} x {N(acu)} ACU x {N(hours)} h{(env.Database.MinAcu > 0 ? string.Empty : " (pauses when idle)")} + {clusters} x {N(AuroraStorageGb)} GB storage",
                (instances * acu * hours * prices.AuroraAcuHour) + (clusters * AuroraStorageGb * prices.AuroraStorageGbMonth)));
        }

        var caches = environmentStack.Count("AWS::ElastiCache::ServerlessCache");
        if (caches > 0)
        {
            lines.Add(new CostLine("ElastiCache Serverless (Valkey)",
                $"{(caches > 1 ? $"{caches} x " : string.Empty)}minimum {N(prices.CacheMinimumDataGb * 1000)} MB x {N(PriceTable.HoursPerMonth)} h + {N(CacheMillionEcpuPerMonth)} M ECPU",
                caches * ((prices.CacheMinimumDataGb * PriceTable.HoursPerMonth * prices.CacheDataGbHour) + (CacheMillionEcpuPerMonth * prices.CacheMillionEcpu))));
        }

        var loadBalancers = environmentStack.Count("AWS::ElasticLoadBalancingV2::LoadBalancer");
        if (loadBalancers > 0)
        {
            var lcu = env.Production ? ProductionLoadBalancerLcu : LoadBalancerLcu;
            var publicIps = loadBalancers * settings.AvailabilityZones.Count;
            lines.Add(new CostLine("Application Load Balancer",
                $"{loadBalancers} x {N(PriceTable.HoursPerMonth)} h + {N(lcu)} LCU + {publicIps} public IPv4",
                loadBalancers * PriceTable.HoursPerMonth * (prices.LoadBalancerHour + (lcu * prices.LoadBalancerLcuHour))
                    + (publicIps * PriceTable.HoursPerMonth * prices.PublicIpv4Hour)));
        }

        var webAcls = environmentStack.Count("AWS::WAFv2::WebACL");
        if (webAcls > 0)
        {
            lines.Add(new CostLine("WAF", $"{webAcls} web ACL + {environmentStack.WebAclRules} rules (requests not counted)",
                (webAcls * prices.WebAclMonth) + (environmentStack.WebAclRules * prices.WebAclRuleMonth)));
        }

        var distributions = environmentStack.Count("AWS::CloudFront::Distribution");
        if (distributions > 0)
        {
            // Billed per request and GB out, nothing fixed; the always-free tier covers 1 TB and 10 M requests a month.
            lines.Add(new CostLine("CloudFront", $"{distributions} distribution (no fixed charge, usage not counted)", 0m));
        }

        // Each cluster's master secret is RDS's, not the template's, and billed all the same; the operator-set
        // secrets are the environment's secrets stack's, one per secret.
        var secrets = environmentStack.Count("AWS::SecretsManager::Secret") + clusters + application.OperatorSecrets.Count();
        if (secrets > 0)
        {
            lines.Add(new CostLine("Secrets Manager", $"{secrets} secrets", secrets * prices.SecretMonth));
        }

        var alarms = environmentStack.Count("AWS::CloudWatch::Alarm");
        var dashboards = environmentStack.Count("AWS::CloudWatch::Dashboard");
        var logGb = application.Workloads.Count * (env.Production ? ProductionLogGbPerService : LogGbPerService);
        lines.Add(new CostLine("CloudWatch", $"{alarms} alarms + {dashboards} dashboard + {N(logGb)} GB logs",
            (alarms * prices.AlarmMonth) + (dashboards * prices.DashboardMonth) + (logGb * prices.LogIngestionGb)));

        return new CostEstimate(environment.Name, prices, lines, SharedLines(baseStack, prices), env.MonthlyBudgetUsd);
    }

    private static List<CostLine> SharedLines(TemplateInventory baseStack, PriceTable prices)
    {
        var lines = new List<CostLine>();
        var natGateways = baseStack.Count("AWS::EC2::NatGateway");
        if (natGateways > 0)
        {
            lines.Add(new CostLine("NAT gateway",
                $"{natGateways} x {N(PriceTable.HoursPerMonth)} h + public IPv4 + {N(NatDataGbPerMonth)} GB",
                (natGateways * PriceTable.HoursPerMonth * (prices.NatGatewayHour + prices.PublicIpv4Hour)) + (NatDataGbPerMonth * prices.NatGatewayDataGb)));
        }

        var zones = baseStack.Count("AWS::Route53::HostedZone");
        if (zones > 0)
        {
            lines.Add(new CostLine("Route 53", $"{zones} hosted zone", zones * prices.HostedZoneMonth));
        }

        var repositories = baseStack.Count("AWS::ECR::Repository");
        if (repositories > 0)
        {
            lines.Add(new CostLine("ECR", $"{repositories} repositories x {N(ImageGbPerRepository)} GB",
                repositories * ImageGbPerRepository * prices.RegistryStorageGbMonth));
        }

        return lines;
    }

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
