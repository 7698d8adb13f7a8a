using AppDelivery.Aspire.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class StartupConfigurationTests
{
    private static readonly string[] ConnectionNames =
    [
        ResourceNames.Database,
//#if (cache)
        ResourceNames.Cache,
//#endif
    ];

    public static TheoryData<string> RequiredConnections => new(ConnectionNames);

    [Theory]
    [MemberData(nameof(RequiredConnections))]
    public void Missing_connection_string_fails_startup_naming_the_key(string missing)
    {
        using var factory = new ApiApplicationFactory(
            ConnectionNames.Where(name => name != missing).ToDictionary(name => $"ConnectionStrings:{name}", _ => (string?)"Host=127.0.0.1"),
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
//#if (cache)
                [$"ConnectionStrings:{ResourceNames.Cache}"] = "127.0.0.1:1",
//#endif
            },
            Environments.Production);

        var dataSource = factory.Services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(expectedTimeout, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Timeout);
    }
}
