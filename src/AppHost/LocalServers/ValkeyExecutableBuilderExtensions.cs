using AppDelivery.Aspire.LocalServers;
using Microsoft.Extensions.DependencyInjection;

namespace AppDelivery.Aspire.AppHost.LocalServers;

public static class ValkeyExecutableBuilderExtensions
{
    /// <summary>
    /// Runs the Valkey server installed on this machine in place of the container, persisting to a folder kept
    /// between runs as the container's data volume does. <paramref name="cloudImageTag"/> is the container tag the
    /// deployment's engine major follows: a different local server gets a warning in the resource's log.
    /// </summary>
    public static IResourceBuilder<ValkeyExecutableResource> AddValkeyExecutable(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, string cloudImageTag)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        // Found now, not at start: the server is the resource's command. A missing one stops the AppHost with its install command.
        var installation = ValkeyInstallation.Find();
        var cache = new ValkeyExecutableResource(name, installation, password, LocalDataDirectory.For(builder, name));

        string? connectionString = null;
        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException($"The connection string of '{name}' is not known yet."),
            name: healthCheckKey);

        return builder.AddResource(cache)
            .WithEndpoint(name: ValkeyExecutableResource.EndpointName, scheme: "tcp")
            // As the container with a data volume: a snapshot every 60 s when anything changed.
            .WithArgs(
                cache.ConfigurationFile,
                "--port", cache.PrimaryEndpoint.Property(EndpointProperty.TargetPort),
                "--bind", "127.0.0.1",
                "--dir", cache.WorkingDirectory,
                "--save", "60 1",
                "--daemonize", "no")
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted(async (resource, startEvent, cancellationToken) =>
            {
                var cloudMajorVersion = ImageTag.MajorVersion(cloudImageTag);
                if (installation.ValkeyMajorVersion != cloudMajorVersion)
                {
                    AppHostLog.VersionDiffersFromCloud(
                        startEvent.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource),
                        installation.Version,
                        $"Valkey {cloudMajorVersion}");
                }

                Directory.CreateDirectory(resource.WorkingDirectory);
                var passwordValue = await resource.PasswordParameter.GetValueAsync(cancellationToken);
                await PrivateFile.WriteAllTextAsync(resource.ConfigurationFile, $"requirepass {passwordValue}\n", cancellationToken);
            })
            .OnConnectionStringAvailable(async (resource, _, cancellationToken) =>
                connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken));
    }
}
