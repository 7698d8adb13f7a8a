using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AppDelivery.Aspire.Web.Api;

/// <summary>
/// The Api as this Web reaches it (service discovery, the Api's anonymous liveness endpoint), in <c>/health</c>.
/// An unreachable Api is Degraded, not Unhealthy: the Web still answers every page with a clear "try again", and
/// an Unhealthy readiness would take every Web task out of rotation for an Api outage none of them can fix.
/// </summary>
/// <param name="httpClient">A client of its own: short timeout, no retries (see Program.cs).</param>
public sealed class ApiHealthCheck(HttpClient httpClient) : IHealthCheck
{
    /// <summary>An Api slower than this to answer its liveness check counts as unreachable.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await httpClient.GetAsync(new Uri(HealthPaths.Liveness, UriKind.Relative), cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded(string.Create(
                    CultureInfo.InvariantCulture,
                    $"The Api answered its liveness check with HTTP {(int)response.StatusCode}; pages that need it show an error."));
        }
        catch (HttpRequestException exception)
        {
            return HealthCheckResult.Degraded("The Api cannot be reached; pages that need it show an error.", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The Api did not answer its liveness check within {Timeout.TotalSeconds} s; pages that need it show an error."),
                exception);
        }
    }
}
