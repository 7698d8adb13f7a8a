using System.Net.Mime;
using AppDelivery.Aspire;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class HealthCheckEndpoints
{
    private static readonly JsonSerializerOptions ReportJsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
    };

    /// <summary>
    /// Maps <c>/health</c> and <c>/alive</c> in every environment (the load balancer and the AppHost probe them).
    /// Outside Development the body is the bare status, so check details (hosts, exception text) stay private.
    /// Degraded keeps the default HTTP 200: a down cache must not take the service out of rotation.
    /// </summary>
    public static IEndpointRouteBuilder MapDefaultEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var isDevelopment = endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment();
        Func<HttpContext, HealthReport, Task> responseWriter = isDevelopment ? WriteDetailedReportAsync : WriteStatusAsync;

        endpoints.MapHealthChecks(HealthPaths.Readiness, new HealthCheckOptions { ResponseWriter = responseWriter });
        endpoints.MapHealthChecks(HealthPaths.Liveness, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthCheckExtensions.LiveTag),
            ResponseWriter = responseWriter,
        });

        return endpoints;
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = MediaTypeNames.Text.Plain;
        return context.Response.WriteAsync(report.Status.ToString());
    }

    private static Task WriteDetailedReportAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = MediaTypeNames.Application.Json;
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description,
                    durationMs = entry.Value.Duration.TotalMilliseconds,
                    error = entry.Value.Exception?.Message,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, ReportJsonOptions));
    }
}
