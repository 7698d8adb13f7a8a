namespace AppDelivery.Aspire.AppHost.LocalServers;

/// <summary>
/// The servers of the model, hosted the way <see cref="LocalServerMode"/> says: Aspire's containers, or the
/// servers installed on this machine. The manifest always describes the containers.
/// </summary>
public static class LocalServerBuilderExtensions
{
    public static LocalPostgresServer AddLocalPostgres(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, LocalServerMode mode)
    {
        if (mode is LocalServerMode.Containers)
        {
            var container = builder.AddPostgres(name).WithImageTag(LocalImages.PostgresTag).WithRunModeDataVolume();
            return new LocalPostgresServer(database => container.AddDatabase(database));
        }

        var executable = builder.AddPostgresExecutable(name, LocalImages.PostgresTag);
        return new LocalPostgresServer(database => executable.AddDatabase(database));
    }
//#if (valkey)

    public static IResourceBuilder<IResourceWithConnectionString> AddLocalValkey(
        this IDistributedApplicationBuilder builder, [ResourceName] string name, LocalServerMode mode) =>
        mode is LocalServerMode.Containers
            ? builder.AddValkey(name).WithImageTag(LocalImages.ValkeyTag).WithRunModeDataVolume()
            : builder.AddValkeyExecutable(name, LocalImages.ValkeyTag);
//#endif
}

/// <summary>A PostgreSQL server of the model, container or executable alike.</summary>
public sealed class LocalPostgresServer(Func<string, IResourceBuilder<IResourceWithConnectionString>> addDatabase)
{
    /// <summary>A database on this server, created when the server is ready (in AWS: by the database access gate).</summary>
    public IResourceBuilder<IResourceWithConnectionString> AddDatabase([ResourceName] string name) => addDatabase(name);
}
