using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Defaults every service of the application shares: telemetry, health checks, service discovery and
/// resilient HTTP clients. Usable by web apps and by console hosts (<c>Host.CreateApplicationBuilder</c>).
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddDefaultHttpClients();

        return builder;
    }
}
