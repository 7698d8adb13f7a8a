using AppDelivery.Aspire;
using AppDelivery.Aspire.Api.Boards;
//#if (cache)
using AppDelivery.Aspire.Api.Caching;
//#endif
using AppDelivery.Aspire.Api.Infrastructure;
using AppDelivery.Aspire.Api.WorkItems;
//#if (aws)
using AppDelivery.Aspire.ServiceDefaults;
//#endif
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
//#if (cache)
using Microsoft.Extensions.Diagnostics.HealthChecks;
//#endif
using Microsoft.Extensions.Hosting;
using Npgsql;
//#if (cache)
using StackExchange.Redis;
//#endif

namespace AppDelivery.Aspire.Api;

internal static class ApplicationServiceExtensions
{
    // Aurora Serverless takes ~15 s to resume from zero capacity; Npgsql's default connect timeout is 15 s.
    private const int MinimumConnectTimeoutSeconds = 30;
//#if (cache)

    // The cache is an optimisation: when Valkey is unreachable a request must fall back to PostgreSQL quickly.
    private const int CacheTimeoutMilliseconds = 1000;
//#endif

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Configuration.GetRequiredConnectionString(ResourceNames.Database);
//#if (cache)
        builder.Configuration.GetRequiredConnectionString(ResourceNames.Cache);
//#endif

        var maxPoolSize = builder.Configuration.GetValue<int?>(ConfigurationKeys.DatabaseMaxPoolSize);
        if (maxPoolSize is < 1)
        {
            throw new InvalidOperationException($"{ConfigurationKeys.DatabaseMaxPoolSize} must be at least 1 (it is {maxPoolSize}).");
        }

        builder.AddNpgsqlDataSource(
            ResourceNames.Database,
            configureDataSourceBuilder: dataSource =>
            {
//#if (aws)
                dataSource.UseIamAuthenticationWhenDeployed(builder.Configuration);
//#endif

                if (maxPoolSize is { } size)
                {
                    dataSource.ConnectionStringBuilder.MaxPoolSize = size;
                }

                if (dataSource.ConnectionStringBuilder.Timeout == new NpgsqlConnectionStringBuilder().Timeout)
                {
                    dataSource.ConnectionStringBuilder.Timeout = MinimumConnectTimeoutSeconds;
                }
            });

//#if (cache)
        // The built-in Redis health check reports Unhealthy; CacheHealthCheck reports Degraded instead.
        builder.AddRedisClient(
            ResourceNames.Cache,
            settings => settings.DisableHealthChecks = true,
            options =>
            {
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = CacheTimeoutMilliseconds;
                options.SyncTimeout = CacheTimeoutMilliseconds;
                options.AsyncTimeout = CacheTimeoutMilliseconds;
                options.BacklogPolicy = BacklogPolicy.FailFast;
            });
//#if (aws)
        builder.AddCacheIamAuthentication(ResourceNames.Cache);
//#endif
        builder.Services.AddHealthChecks().AddCheck<CacheHealthCheck>(ResourceNames.Cache, failureStatus: HealthStatus.Degraded);

        builder.Services.AddSingleton<ResilientCache>();
//#endif
        builder.Services.AddSingleton<BoardRepository>();
        builder.Services.AddSingleton<BoardService>();
        builder.Services.AddSingleton<WorkItemRepository>();
        builder.Services.AddSingleton<WorkItemService>();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // Binding failures must reach BadRequestExceptionHandler, so they get a ProblemDetails body in every environment.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<KestrelServerOptions>(options =>
            options.Limits.MaxRequestBodySize = RequestBodyLimit.MaxBytes);

        builder.Services.AddOpenApi();

        return builder;
    }
}
