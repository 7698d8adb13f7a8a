namespace AppDelivery.Aspire.Deploy.Summary;

/// <summary>
/// On-demand list prices in USD used by <see cref="CostEstimator"/>; documented in docs/deploy.md.
/// Per hour unless the name says month.
/// </summary>
public sealed record PriceTable(
    string Region,
    string AsOf,
    decimal FargateArmVcpuHour,
    decimal FargateArmGbHour,
    decimal FargateX86VcpuHour,
    decimal FargateX86GbHour,
    decimal AuroraAcuHour,
    decimal AuroraStorageGbMonth,
    decimal CacheDataGbHour,
    decimal CacheMinimumDataGb,
    decimal CacheMillionEcpu,
    decimal LoadBalancerHour,
    decimal LoadBalancerLcuHour,
    decimal NatGatewayHour,
    decimal NatGatewayDataGb,
    decimal PublicIpv4Hour,
    decimal SecretMonth,
    decimal LogIngestionGb,
    decimal AlarmMonth,
    decimal DashboardMonth,
    decimal WebAclMonth,
    decimal WebAclRuleMonth,
    decimal HostedZoneMonth,
    decimal RegistryStorageGbMonth)
{
    public const decimal HoursPerMonth = 730m;

    /// <summary>
    /// eu-west-1 (Ireland) list prices from the AWS pricing pages as of 2025, written down 2026-11 without a live
    /// check (no network where this was written): an estimate, verify before budgeting.
    /// </summary>
    public static PriceTable EuWest1 { get; } = new(
        Region: "eu-west-1",
        AsOf: "as published in 2025, written down 2026-11",
        FargateArmVcpuHour: 0.03238m,
        FargateArmGbHour: 0.00356m,
        FargateX86VcpuHour: 0.04048m,
        FargateX86GbHour: 0.004445m,
        AuroraAcuHour: 0.13m,
        AuroraStorageGbMonth: 0.11m,
        CacheDataGbHour: 0.0920m,
        CacheMinimumDataGb: 0.1m,
        CacheMillionEcpu: 0.0025m,
        LoadBalancerHour: 0.0252m,
        LoadBalancerLcuHour: 0.008m,
        NatGatewayHour: 0.048m,
        NatGatewayDataGb: 0.048m,
        PublicIpv4Hour: 0.005m,
        SecretMonth: 0.40m,
        LogIngestionGb: 0.57m,
        AlarmMonth: 0.10m,
        DashboardMonth: 3.00m,
        WebAclMonth: 5.00m,
        WebAclRuleMonth: 1.00m,
        HostedZoneMonth: 0.50m,
        RegistryStorageGbMonth: 0.10m);
}
