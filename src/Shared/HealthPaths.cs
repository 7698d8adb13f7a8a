namespace AppDelivery.Aspire;

/// <summary>
/// The health endpoints every service maps (ServiceDefaults), the AppHost probes and the AWS load balancer and
/// container health checks call.
/// </summary>
public static class HealthPaths
{
    /// <summary>Readiness: every registered check (the AppHost waits on it).</summary>
    public const string Readiness = "/health";

    /// <summary>Liveness: only the checks tagged live (the load balancer probes it).</summary>
    public const string Liveness = "/alive";
}
