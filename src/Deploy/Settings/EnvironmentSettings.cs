namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>Sizes and switches of one environment.</summary>
/// <param name="Production">Deletion protection, snapshots on removal, long backups, no scale-to-zero.</param>
/// <param name="Hostname">Left part of the public host name under the domain (<c>pr-N</c> for previews).</param>
/// <param name="DefaultService">Size of every service not named in <paramref name="Services"/>.</param>
/// <param name="ScaleToZeroOutsideWorkingHours">Scheduled desired count 0 at night and at weekends.</param>
/// <param name="SeedData">Run the migrations' Development seed profile.</param>
/// <param name="CloudFront">
/// Without a domain: users reach the app over HTTPS through CloudFront (its default certificate), the load balancer
/// admitting only CloudFront. <c>false</c> serves plain HTTP from the load balancer (quicker to create; never production).
/// With a domain the load balancer serves HTTPS itself and this is ignored.
/// </param>
public sealed record EnvironmentSettings(
    bool Production,
    string? Hostname,
    ServiceSize DefaultService,
    IReadOnlyDictionary<string, ServiceSize> Services,
    ServiceSize Job,
    DatabaseSize Database,
    string? AlarmEmail,
    decimal MonthlyBudgetUsd,
    bool ScaleToZeroOutsideWorkingHours,
    bool SeedData,
    int LogRetentionDays,
    bool CloudFront)
{
    public ServiceSize SizeOf(string workload) =>
        Services.TryGetValue(workload, out var size) ? size : DefaultService;

    /// <summary>
    /// As <see cref="SizeOf(string)"/>, except that a container not named in <see cref="Services"/> runs one task
    /// at the default size: an image such as a broker or a mail catcher is not built to run as unclustered copies.
    /// </summary>
    public ServiceSize SizeOf(Model.WorkloadModel workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Services.TryGetValue(workload.Name, out var size) ? size
            : workload.IsProject ? DefaultService
            : DefaultService with { DesiredCount = 1, MinCount = 1, MaxCount = 1 };
    }
}
