namespace AppDelivery.Aspire.AppHost.Tests;

public sealed class PublishModeModelTests(PublishModeModel app) : IClassFixture<PublishModeModel>
{
    [Fact]
    public void Model_is_built_in_publish_mode() => Assert.True(app.ExecutionContext.IsPublishMode);

    [Theory]
    [InlineData(ResourceNames.Postgres)]
//#if (valkey)
    [InlineData(ResourceNames.Cache)]
//#endif
    public void Manifest_has_no_local_data_volume(string name) =>
        Assert.Empty(app.Model.Resources.Single(r => r.Name == name).Annotations.OfType<ContainerMountAnnotation>());

    [Theory]
    [InlineData(ResourceNames.Migrations, "ConnectionStrings__appdb", "{appdb.connectionString}")]
    [InlineData(ResourceNames.Api, "ConnectionStrings__appdb", "{appdb.connectionString}")]
//#if (cache)
    [InlineData(ResourceNames.Api, "ConnectionStrings__cache", "{cache.connectionString}")]
//#endif
    [InlineData(ResourceNames.Api, ConfigurationKeys.ApiKeyEnvironmentVariable, "{api-key.value}")]
//#if (web)
    [InlineData(ResourceNames.Web, "ConnectionStrings__cache", "{cache.connectionString}")]
    [InlineData(ResourceNames.Web, "services__api__http__0", "{api.bindings.http.url}")]
    [InlineData(ResourceNames.Web, ConfigurationKeys.ApiKeyEnvironmentVariable, "{api-key.value}")]
//#endif
    public async Task Service_environment_refers_to_resources_by_placeholder(string service, string variable, string expected)
    {
        var environment = await PublishEnvironment.OfAsync(app.Resource<ProjectResource>(service), app.ExecutionContext);
        Assert.Equal(expected, environment[variable]);
    }

    [Theory]
    [InlineData(ResourceNames.Migrations)]
    [InlineData(ResourceNames.Api)]
//#if (web)
    [InlineData(ResourceNames.Web)]
//#endif
    public async Task Service_environment_carries_no_connection_property_variables(string service)
    {
        var environment = await PublishEnvironment.OfAsync(app.Resource<ProjectResource>(service), app.ExecutionContext);
        Assert.DoesNotContain(environment.Keys, k => k.StartsWith("APPDB_", StringComparison.Ordinal) || k.StartsWith("CACHE_", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ResourceNames.Migrations)]
    [InlineData(ResourceNames.Api)]
//#if (web)
    [InlineData(ResourceNames.Web)]
//#endif
    public async Task Service_environment_never_names_a_container_password(string service)
    {
        var environment = await PublishEnvironment.OfAsync(app.Resource<ProjectResource>(service), app.ExecutionContext);
        Assert.DoesNotContain(environment.Values, v => v.Contains("postgres-password", StringComparison.Ordinal) || v.Contains("cache-password", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ResourceNames.Migrations, "true")]
    [InlineData(ResourceNames.Api, null)]
//#if (web)
    [InlineData(ResourceNames.Web, null)]
//#endif
    public async Task Only_the_workload_waited_on_to_complete_is_marked_run_once(string service, string? expected)
    {
        var environment = await PublishEnvironment.OfAsync(app.Resource<ProjectResource>(service), app.ExecutionContext);
        Assert.Equal(expected, environment.GetValueOrDefault(ConfigurationKeys.RunOnceEnvironmentVariable));
    }

    [Fact]
    public async Task Seed_data_is_not_switched_on_for_the_cloud()
    {
        var environment = await PublishEnvironment.OfAsync(app.Resource<ProjectResource>(ResourceNames.Migrations), app.ExecutionContext);
        Assert.DoesNotContain(ConfigurationKeys.MigrationsProfileEnvironmentVariable, environment.Keys);
    }

    [Fact]
    public void Api_key_is_a_secret_with_a_generated_default() =>
        AssertGeneratedSecret(app.Resource<ParameterResource>(ResourceNames.ApiKey));

    [Fact]
    public void Postgres_password_is_a_secret_with_a_generated_default() =>
        AssertGeneratedSecret(app.Resource<PostgresServerResource>(ResourceNames.Postgres).PasswordParameter);

//#if (valkey)
    [Fact]
    public void Cache_password_is_a_secret_with_a_generated_default() =>
        AssertGeneratedSecret(app.Resource<ValkeyResource>(ResourceNames.Cache).PasswordParameter);
//#endif

    [Fact]
    public void Api_key_is_long_enough_and_safe_for_a_header()
    {
        var generate = Assert.IsType<GenerateParameterDefault>(app.Resource<ParameterResource>(ResourceNames.ApiKey).Default);
        Assert.True(generate.MinLength >= 32);
        Assert.False(generate.Special);
    }

    private static void AssertGeneratedSecret(ParameterResource? parameter)
    {
        Assert.NotNull(parameter);
        Assert.True(parameter.Secret);
        Assert.IsType<GenerateParameterDefault>(parameter.Default);
    }
}
