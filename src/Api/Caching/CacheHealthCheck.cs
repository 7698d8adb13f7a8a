using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace AppDelivery.Aspire.Api.Caching;

/// <summary>
/// Reports Degraded, never Unhealthy, when Valkey is unreachable: reads fall back to PostgreSQL, so the
/// service stays ready (Degraded answers HTTP 200 on /health).
/// </summary>
internal sealed class CacheHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = services.GetRequiredService<IConnectionMultiplexer>();
            if (!multiplexer.IsConnected)
            {
                return HealthCheckResult.Degraded("The cache is not connected; reads use PostgreSQL.");
            }

            var latency = await multiplexer.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Ping {latency.TotalMilliseconds:F1} ms.");
        }
        catch (Exception exception) when (ResilientCache.IsCacheFailure(exception))
        {
            return HealthCheckResult.Degraded("The cache is unreachable; reads use PostgreSQL.", exception);
        }
    }
}
