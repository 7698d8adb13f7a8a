using AppDelivery.Aspire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AppDelivery.Aspire.AppHost;

internal static class ResourceBuilderExtensions
{
    /// <summary>
    /// Keeps local data across restarts. Run mode only: volume names embed a hash of the AppHost's
    /// assembly name, so in the manifest they would change with every renamed template, and the cloud
    /// has its own storage.
    /// </summary>
    public static IResourceBuilder<PostgresServerResource> WithRunModeDataVolume(this IResourceBuilder<PostgresServerResource> postgres) =>
        postgres.ApplicationBuilder.ExecutionContext.IsRunMode ? postgres.WithDataVolume() : postgres;

//#if (valkey)
    /// <inheritdoc cref="WithRunModeDataVolume(IResourceBuilder{PostgresServerResource})"/>
    public static IResourceBuilder<ValkeyResource> WithRunModeDataVolume(this IResourceBuilder<ValkeyResource> valkey) =>
        valkey.ApplicationBuilder.ExecutionContext.IsRunMode ? valkey.WithDataVolume() : valkey;
//#endif

    /// <summary>
    /// Injects only connection strings and service discovery: not the per-property variables
    /// (<c>APPDB_PASSWORD</c>, <c>APPDB_URI</c>...) that would carry the local password into the manifest.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithCloudReferenceEnvironment(this IResourceBuilder<ProjectResource> project) =>
        project.WithReferenceEnvironment(
            ReferenceEnvironmentInjectionFlags.ConnectionString | ReferenceEnvironmentInjectionFlags.ServiceDiscovery);

//#if (seedData)
    /// <summary>Local runs get the Development seed data; the cloud decides per environment.</summary>
    public static IResourceBuilder<ProjectResource> WithRunModeSeedData(this IResourceBuilder<ProjectResource> migrations) =>
        migrations.ApplicationBuilder.ExecutionContext.IsRunMode
            ? migrations.WithEnvironment(ConfigurationKeys.MigrationsProfileEnvironmentVariable, MigrationProfiles.Development)
            : migrations;
//#endif

    /// <summary>
    /// Publish mode only: marks every resource that another waits for to complete (<c>WaitForCompletion</c>) with
    /// <see cref="ConfigurationKeys.RunOnceEnvironmentVariable"/>, the manifest's only trace of it, so the
    /// deployment runs it once before the services roll (the migrations). Call after the last WaitForCompletion.
    /// </summary>
    public static IDistributedApplicationBuilder WithRunOnceWorkloadsMarked(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsPublishMode)
        {
            return builder;
        }

        var runOnce = builder.Resources
            .SelectMany(resource => resource.Annotations.OfType<WaitAnnotation>())
            .Where(wait => wait.WaitType == WaitType.WaitForCompletion)
            .Select(wait => wait.Resource)
            .OfType<IResourceWithEnvironment>()
            .Distinct();
        foreach (var resource in runOnce)
        {
            resource.Annotations.Add(new EnvironmentCallbackAnnotation(ConfigurationKeys.RunOnceEnvironmentVariable, () => "true"));
        }

        return builder;
    }

    /// <summary>
    /// Logs <c>Web: http://localhost:…</c> once the project is healthy, so a terminal user can open it without the
    /// dashboard.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithUrlLoggedWhenReady(this IResourceBuilder<ProjectResource> project) =>
        project.OnResourceReady((resource, readyEvent, _) =>
        {
            var logger = readyEvent.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AppDelivery.Aspire.AppHost");
            var title = char.ToUpperInvariant(resource.Name[0]) + resource.Name[1..];
            var url = resource.GetEndpoint("http").Url;
            AppHostLog.ResourceUrl(logger, title, url);
            return Task.CompletedTask;
        });
}
