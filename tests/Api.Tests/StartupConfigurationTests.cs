using AppDelivery.Aspire.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData(ResourceNames.Database, ResourceNames.Cache)]
    [InlineData(ResourceNames.Cache, ResourceNames.Database)]
    public void Missing_connection_string_fails_startup_naming_the_key(string missing, string present)
    {
        using var factory = new ApiApplicationFactory(
            new Dictionary<string, string?> { [$"ConnectionStrings:{present}"] = "Host=127.0.0.1" },
            Environments.Production);

        var exception = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains($"ConnectionStrings:{missing}", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Database=timeouts", 30)]
    [InlineData("Host=127.0.0.1;Database=timeouts;Timeout=5", 5)]
    public void Database_connect_timeout_is_raised_only_when_not_set(string connectionString, int expectedTimeout)
    {
        using var factory = new ApiApplicationFactory(
            new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{ResourceNames.Database}"] = connectionString,
                [$"ConnectionStrings:{ResourceNames.Cache}"] = "127.0.0.1:1",
            },
            Environments.Production);

        var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(expectedTimeout, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Timeout);
    }
}
