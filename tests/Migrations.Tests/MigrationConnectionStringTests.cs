using Npgsql;

namespace AppDelivery.Aspire.Migrations.Tests;

public sealed class MigrationConnectionStringTests
{
    [Fact]
    public void Raises_the_connect_timeout_when_none_is_set()
    {
        var prepared = new NpgsqlConnectionStringBuilder(MigrationConnectionString.Prepare("Host=db;Database=appdb"));

        Assert.Equal(MigrationConnectionString.ConnectTimeoutSeconds, prepared.Timeout);
    }

    [Theory]
    [InlineData("Host=db;Timeout=5")]
    [InlineData("Host=db;timeout=5")]
    [InlineData("Host=db;Timeout=15")]
    public void Keeps_an_explicit_connect_timeout(string connectionString)
    {
        var prepared = new NpgsqlConnectionStringBuilder(MigrationConnectionString.Prepare(connectionString));

        Assert.Equal(new NpgsqlConnectionStringBuilder(connectionString).Timeout, prepared.Timeout);
    }

    [Fact]
    public void Adds_no_password_so_that_Npgsql_reads_PGPASSWORD()
    {
        var prepared = new NpgsqlConnectionStringBuilder(MigrationConnectionString.Prepare("Host=db;Username=app"));

        Assert.Null(prepared.Password);
        Assert.Equal("app", prepared.Username);
    }
}
