using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>The shapes Aspire 13.5.2 writes for PostgreSQL + Valkey + a secret + two projects.</summary>
public sealed class ReferenceManifestTests
{
    private readonly ManifestReadResult _result = ManifestFixtures.Read(ManifestFixtures.Reference(), "migrator");

    private WorkloadModel Api => _result.Model.Workloads.Single(w => w.Name == "api");

    [Fact]
    public void Database_is_the_server_and_its_one_database()
    {
        Assert.Equal([new DatabaseServerModel("pg", "postgres", 17, [new DatabaseModel("appdb", "appdb")])], _result.Model.DatabaseServers);
    }

    [Fact]
    public void Cache_is_valkey()
    {
        Assert.Equal([new CacheModel("cache", "valkey")], _result.Model.Caches);
    }

    [Fact]
    public void Jobs_come_from_the_settings()
    {
        Assert.Equal(["migrator"], _result.Model.Jobs.Select(w => w.Name));
        Assert.Equal(["api"], _result.Model.Services.Select(w => w.Name));
        Assert.Equal(new ProjectImage("../Api/Api.csproj"), Api.Image);
    }

    [Fact]
    public void Only_the_app_secret_is_a_secret()
    {
        Assert.Equal([new SecretModel("secret", null)], _result.Model.Secrets);
    }

    [Fact]
    public void Https_endpoint_is_dropped_with_a_warning()
    {
        Assert.Equal([new EndpointModel("http", "http", External: true)], Api.Endpoints);
        Assert.Contains(_result.Warnings, w => w.Field == "resources.api.bindings.https");
    }

    [Theory]
    [InlineData("ConnectionStrings__appdb", typeof(DatabaseConnectionStringValue))]
    [InlineData("ConnectionStrings__cache", typeof(CacheConnectionStringValue))]
    [InlineData("APPDB_HOST", typeof(DatabaseHostValue))]
    [InlineData("APPDB_PORT", typeof(DatabasePortValue))]
    [InlineData("CACHE_HOST", typeof(CacheHostValue))]
    [InlineData("CACHE_PORT", typeof(CachePortValue))]
    public void Env_values_are_bound_by_meaning(string variable, Type expected)
    {
        Assert.IsType(expected, ValueOf(Api, variable));
    }

    [Fact]
    public void Port_secret_and_literals()
    {
        Assert.Equal(new ServicePortValue("api", "http"), ValueOf(Api, "HTTP_PORTS"));
        Assert.Equal(new SecretValue("secret"), ValueOf(Api, "API_SECRET"));
        Assert.Equal(new LiteralValue("postgres"), ValueOf(Api, "APPDB_USERNAME"));
        Assert.Equal(new LiteralValue("in_memory"), ValueOf(Api, "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"));
    }

    [Fact]
    public void Mixture_without_a_secret_is_a_composite()
    {
        var jdbc = Assert.IsType<CompositeValue>(ValueOf(Api, "APPDB_JDBCCONNECTIONSTRING"));

        Assert.Equal(
            [new LiteralValue("jdbc:postgresql://"), new DatabaseHostValue("pg"), new LiteralValue(":"), new DatabasePortValue("pg"), new LiteralValue("/appdb")],
            jdbc.Parts);
    }

    [Theory]
    [InlineData("APPDB_PASSWORD", "signs in to Aurora with a 15-minute IAM token instead of a password")]
    [InlineData("APPDB_URI", "signs in to Aurora with a 15-minute IAM token instead of a password")]
    [InlineData("CACHE_PASSWORD", "the cache has no password in AWS")]
    [InlineData("CACHE_URI", "the cache has no password in AWS")]
    public void Variables_with_no_aws_equivalent_are_dropped_with_a_warning(string variable, string reason)
    {
        Assert.DoesNotContain(Api.Environment, e => e.Name == variable);
        var warning = Assert.Single(_result.Warnings, w => w.Field == $"resources.api.env.{variable}");
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.Equal(ManifestFixtures.FileName, warning.File);
    }

    [Fact]
    public void Every_dropped_variable_is_warned()
    {
        var manifestVariables = ManifestFixtures.Reference().Resources()["api"]!["env"]!.AsObject().Select(p => p.Key);
        var kept = Api.Environment.Select(e => e.Name);
        var warned = _result.Warnings.Select(w => w.Field.Replace("resources.api.env.", string.Empty, StringComparison.Ordinal));

        Assert.All(manifestVariables, v => Assert.True(kept.Contains(v) || warned.Contains(v), $"{v} vanished without a warning"));
    }

    private static EnvValue ValueOf(WorkloadModel workload, string variable) =>
        Assert.Single(workload.Environment, e => e.Name == variable).Value;
}
