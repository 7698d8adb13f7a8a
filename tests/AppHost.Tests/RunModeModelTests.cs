using AppDelivery.Aspire.AppHost.LocalServers;

namespace AppDelivery.Aspire.AppHost.Tests;

/// <summary>What the local model promises whichever way PostgreSQL and Valkey run.</summary>
public abstract class RunModeModelTests(AppModelFixture app)
{
    [Fact]
    public void Model_is_built_in_run_mode() => Assert.True(App.ExecutionContext.IsRunMode);

    [Theory]
    [InlineData(ResourceNames.Migrations, ResourceNames.Database)]
    [InlineData(ResourceNames.Api, ResourceNames.Database)]
//#if (cache)
    [InlineData(ResourceNames.Api, ResourceNames.Cache)]
//#endif
//#if (web)
    [InlineData(ResourceNames.Web, ResourceNames.Api)]
    [InlineData(ResourceNames.Web, ResourceNames.Cache)]
//#endif
    public void Service_references_what_it_uses(string service, string dependency) =>
        Assert.Contains(
            Resource<ProjectResource>(service).Annotations.OfType<ResourceRelationshipAnnotation>(),
            r => r.Type == "Reference" && r.Resource.Name == dependency);

    [Fact]
    public void Migrations_references_nothing_but_the_database() =>
        Assert.Equal(
            [ResourceNames.Database],
            Resource<ProjectResource>(ResourceNames.Migrations).Annotations.OfType<ResourceRelationshipAnnotation>()
                .Where(r => r.Type == "Reference").Select(r => r.Resource.Name));

    [Theory]
    [InlineData(ResourceNames.Migrations, ResourceNames.Database, WaitType.WaitUntilHealthy)]
    [InlineData(ResourceNames.Api, ResourceNames.Migrations, WaitType.WaitForCompletion)]
//#if (cache)
    [InlineData(ResourceNames.Api, ResourceNames.Cache, WaitType.WaitUntilHealthy)]
//#endif
//#if (web)
    [InlineData(ResourceNames.Web, ResourceNames.Api, WaitType.WaitUntilHealthy)]
    [InlineData(ResourceNames.Web, ResourceNames.Cache, WaitType.WaitUntilHealthy)]
//#endif
    public void Service_waits_for_its_dependency(string service, string dependency, WaitType waitType) =>
        Assert.Contains(
            Resource<ProjectResource>(service).Annotations.OfType<WaitAnnotation>(),
            w => w.Resource.Name == dependency && w.WaitType == waitType);

    [Fact]
    public void Api_waits_for_migrations_to_exit_with_zero()
    {
        var wait = Resource<ProjectResource>(ResourceNames.Api).Annotations.OfType<WaitAnnotation>()
            .Single(w => w.Resource.Name == ResourceNames.Migrations);
        Assert.Equal(0, wait.ExitCode);
    }

    [Theory]
    [InlineData(ResourceNames.Api)]
//#if (web)
    [InlineData(ResourceNames.Web)]
//#endif
    public void Service_has_an_http_health_check(string service) =>
        Assert.NotEmpty(Resource<ProjectResource>(service).Annotations.OfType<HealthCheckAnnotation>());

    [Fact]
    public void Migrations_has_no_health_check_because_it_runs_to_completion() =>
        Assert.Empty(Resource<ProjectResource>(ResourceNames.Migrations).Annotations.OfType<HealthCheckAnnotation>());

    [Fact]
    public void Only_the_front_door_is_reachable_from_outside()
    {
        var external = App.Model.Resources.OfType<ProjectResource>()
            .Where(p => p.Annotations.OfType<EndpointAnnotation>().Any(e => e.IsExternal))
            .Select(p => p.Name);
        Assert.Equal([FrontDoor.Resource], external);
    }

    [Fact]
    public void Api_key_is_kept_in_user_secrets_so_local_restarts_reuse_it()
    {
        var apiKey = Resource<ParameterResource>(ResourceNames.ApiKey);
        Assert.True(apiKey.Secret);
        Assert.Equal("UserSecretsParameterDefault", apiKey.Default?.GetType().Name);
    }

    [Fact]
    public void Database_is_a_child_of_the_postgres_server() =>
        Assert.Equal(ResourceNames.Postgres, Resource<IResourceWithParent>(ResourceNames.Database).Parent.Name);

    protected AppModelFixture App { get; } = app;

    protected T Resource<T>(string name)
        where T : IResource => App.Resource<T>(name);
}

public sealed class ContainersRunModeModelTests(ContainersRunModeModel app) : RunModeModelTests(app), IClassFixture<ContainersRunModeModel>
{
    [Theory]
    [InlineData(ResourceNames.Postgres, typeof(PostgresServerResource))]
    [InlineData(ResourceNames.Database, typeof(PostgresDatabaseResource))]
//#if (valkey)
    [InlineData(ResourceNames.Cache, typeof(ValkeyResource))]
//#endif
    public void Server_is_a_container(string name, Type type) =>
        Assert.IsType(type, App.Model.Resources.Single(r => r.Name == name));

    [Theory]
    [InlineData(ResourceNames.Postgres, "17.")]
//#if (valkey)
    [InlineData(ResourceNames.Cache, "8.")]
//#endif
    public void Image_is_pinned_to_the_major_version_the_cloud_runs(string name, string majorPrefix)
    {
        var image = App.Model.Resources.Single(r => r.Name == name).Annotations.OfType<ContainerImageAnnotation>().Single();
        Assert.StartsWith(majorPrefix, image.Tag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResourceNames.Postgres)]
//#if (valkey)
    [InlineData(ResourceNames.Cache)]
//#endif
    public void Local_data_survives_restarts_in_a_volume(string name) =>
        Assert.Contains(
            App.Model.Resources.Single(r => r.Name == name).Annotations.OfType<ContainerMountAnnotation>(),
            m => m.Type == ContainerMountType.Volume);
}

public sealed class ExecutablesRunModeModelTests(ExecutablesRunModeModel app) : RunModeModelTests(app), IClassFixture<ExecutablesRunModeModel>
{
    [Theory]
    [InlineData(ResourceNames.Postgres, typeof(PostgresExecutableResource))]
    [InlineData(ResourceNames.Database, typeof(PostgresExecutableDatabaseResource))]
//#if (valkey)
    [InlineData(ResourceNames.Cache, typeof(ValkeyExecutableResource))]
//#endif
    public void Server_is_an_executable(string name, Type type) =>
        Assert.IsType(type, App.Model.Resources.Single(r => r.Name == name));

    [Fact]
    public void No_resource_needs_a_container_runtime() =>
        Assert.Empty(App.Model.Resources.OfType<ContainerResource>());

    [Theory]
    [InlineData(ResourceNames.Postgres, "Host={postgres.bindings.tcp.host};Port={postgres.bindings.tcp.port};Username=postgres;Password={postgres-password.value}")]
    [InlineData(ResourceNames.Database, "{postgres.connectionString};Database=appdb")]
//#if (valkey)
    [InlineData(ResourceNames.Cache, "{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={cache-password.value}")]
//#endif
    public void Connection_string_has_the_shape_of_the_container_one(string name, string expected) =>
        Assert.Equal(expected, Resource<IResourceWithConnectionString>(name).ConnectionStringExpression.ValueExpression);

    [Theory]
    [InlineData(ResourceNames.Postgres)]
//#if (valkey)
    [InlineData(ResourceNames.Cache)]
//#endif
    public void Local_data_lives_in_a_folder_of_this_application(string name)
    {
        var server = Resource<ExecutableResource>(name);
        Assert.Equal(name, Path.GetFileName(server.WorkingDirectory));
        // <application>-<hash of the AppHost's path>, as Aspire names volumes.
        var application = typeof(LocalServerMode).Assembly.GetName().Name!.ToLowerInvariant().Replace('.', '-');
        Assert.Matches($"^{application}-[0-9a-f]{{10}}$", Path.GetFileName(Path.GetDirectoryName(server.WorkingDirectory)));
    }

    [Theory]
    [InlineData(ResourceNames.Postgres)]
//#if (valkey)
    [InlineData(ResourceNames.Cache)]
//#endif
    public void Server_has_a_health_check(string name) =>
        Assert.NotEmpty(Resource<ExecutableResource>(name).Annotations.OfType<HealthCheckAnnotation>());
}
