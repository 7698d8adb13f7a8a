namespace AppDelivery.Aspire.AppHost.Tests;

public sealed class RunModeModelTests(RunModeModel app) : IClassFixture<RunModeModel>
{
    [Fact]
    public void Model_is_built_in_run_mode() => Assert.True(app.ExecutionContext.IsRunMode);

    [Theory]
    [InlineData(ResourceNames.Postgres, typeof(PostgresServerResource))]
    [InlineData(ResourceNames.Database, typeof(PostgresDatabaseResource))]
    [InlineData(ResourceNames.Cache, typeof(ValkeyResource))]
    [InlineData(ResourceNames.ApiKey, typeof(ParameterResource))]
    [InlineData(ResourceNames.Migrations, typeof(ProjectResource))]
    [InlineData(ResourceNames.Api, typeof(ProjectResource))]
    [InlineData(ResourceNames.Web, typeof(ProjectResource))]
    public void Resource_exists_with_its_type(string name, Type type) =>
        Assert.IsType(type, app.Model.Resources.Single(r => r.Name == name));

    [Fact]
    public void Database_belongs_to_the_postgres_server()
    {
        var database = app.Resource<PostgresDatabaseResource>(ResourceNames.Database);
        Assert.Equal(ResourceNames.Postgres, database.Parent.Name);
        Assert.Equal(ResourceNames.Database, database.DatabaseName);
    }

    [Fact]
    public void Postgres_image_is_pinned_to_the_cloud_major_version()
    {
        var image = app.Resource<PostgresServerResource>(ResourceNames.Postgres).Annotations.OfType<ContainerImageAnnotation>().Single();
        Assert.StartsWith("17.", image.Tag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ResourceNames.Migrations, ResourceNames.Database)]
    [InlineData(ResourceNames.Api, ResourceNames.Database)]
    [InlineData(ResourceNames.Api, ResourceNames.Cache)]
    [InlineData(ResourceNames.Web, ResourceNames.Api)]
    [InlineData(ResourceNames.Web, ResourceNames.Cache)]
    public void Service_references_what_it_uses(string service, string dependency) =>
        Assert.Contains(
            app.Resource<ProjectResource>(service).Annotations.OfType<ResourceRelationshipAnnotation>(),
            r => r.Type == "Reference" && r.Resource.Name == dependency);

    [Fact]
    public void Migrations_references_nothing_but_the_database() =>
        Assert.Equal(
            [ResourceNames.Database],
            app.Resource<ProjectResource>(ResourceNames.Migrations).Annotations.OfType<ResourceRelationshipAnnotation>()
                .Where(r => r.Type == "Reference").Select(r => r.Resource.Name));

    [Theory]
    [InlineData(ResourceNames.Migrations, ResourceNames.Database, WaitType.WaitUntilHealthy)]
    [InlineData(ResourceNames.Api, ResourceNames.Migrations, WaitType.WaitForCompletion)]
    [InlineData(ResourceNames.Api, ResourceNames.Cache, WaitType.WaitUntilHealthy)]
    [InlineData(ResourceNames.Web, ResourceNames.Api, WaitType.WaitUntilHealthy)]
    [InlineData(ResourceNames.Web, ResourceNames.Cache, WaitType.WaitUntilHealthy)]
    public void Service_waits_for_its_dependency(string service, string dependency, WaitType waitType) =>
        Assert.Contains(
            app.Resource<ProjectResource>(service).Annotations.OfType<WaitAnnotation>(),
            w => w.Resource.Name == dependency && w.WaitType == waitType);

    [Fact]
    public void Api_waits_for_migrations_to_exit_with_zero()
    {
        var wait = app.Resource<ProjectResource>(ResourceNames.Api).Annotations.OfType<WaitAnnotation>()
            .Single(w => w.Resource.Name == ResourceNames.Migrations);
        Assert.Equal(0, wait.ExitCode);
    }

    [Theory]
    [InlineData(ResourceNames.Api)]
    [InlineData(ResourceNames.Web)]
    public void Service_has_an_http_health_check(string service) =>
        Assert.NotEmpty(app.Resource<ProjectResource>(service).Annotations.OfType<HealthCheckAnnotation>());

    [Fact]
    public void Migrations_has_no_health_check_because_it_runs_to_completion() =>
        Assert.Empty(app.Resource<ProjectResource>(ResourceNames.Migrations).Annotations.OfType<HealthCheckAnnotation>());

    [Fact]
    public void Only_web_is_reachable_from_outside()
    {
        var external = app.Model.Resources.OfType<ProjectResource>()
            .Where(p => p.Annotations.OfType<EndpointAnnotation>().Any(e => e.IsExternal))
            .Select(p => p.Name);
        Assert.Equal([ResourceNames.Web], external);
    }

    [Fact]
    public void Api_key_is_kept_in_user_secrets_so_local_restarts_reuse_it()
    {
        var apiKey = app.Resource<ParameterResource>(ResourceNames.ApiKey);
        Assert.True(apiKey.Secret);
        Assert.Equal("UserSecretsParameterDefault", apiKey.Default?.GetType().Name);
    }

    [Theory]
    [InlineData(ResourceNames.Postgres)]
    [InlineData(ResourceNames.Cache)]
    public void Local_data_survives_restarts_in_run_mode(string name) =>
        Assert.Contains(
            app.Model.Resources.Single(r => r.Name == name).Annotations.OfType<ContainerMountAnnotation>(),
            m => m.Type == ContainerMountType.Volume);
}
