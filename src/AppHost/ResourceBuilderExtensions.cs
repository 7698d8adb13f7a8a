using AppDelivery.Aspire;

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

    /// <inheritdoc cref="WithRunModeDataVolume(IResourceBuilder{PostgresServerResource})"/>
    public static IResourceBuilder<ValkeyResource> WithRunModeDataVolume(this IResourceBuilder<ValkeyResource> valkey) =>
        valkey.ApplicationBuilder.ExecutionContext.IsRunMode ? valkey.WithDataVolume() : valkey;

    /// <summary>
    /// Injects only connection strings and service discovery: not the per-property variables
    /// (<c>APPDB_PASSWORD</c>, <c>APPDB_URI</c>...) that would carry the local password into the manifest.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithCloudReferenceEnvironment(this IResourceBuilder<ProjectResource> project) =>
        project.WithReferenceEnvironment(
            ReferenceEnvironmentInjectionFlags.ConnectionString | ReferenceEnvironmentInjectionFlags.ServiceDiscovery);

    /// <summary>Local runs get the Development seed data; the cloud decides per environment.</summary>
    public static IResourceBuilder<ProjectResource> WithRunModeSeedData(this IResourceBuilder<ProjectResource> migrations) =>
        migrations.ApplicationBuilder.ExecutionContext.IsRunMode
            ? migrations.WithEnvironment(ConfigurationKeys.MigrationsProfileEnvironmentVariable, "Development")
            : migrations;
}
