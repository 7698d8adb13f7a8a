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
//#if (aws)

    [Fact]
    public async Task With_iam_the_password_is_an_rds_auth_token_for_the_connection_strings_user()
    {
        // The credentials and region the AWS SDK finds first: environment variables (ECS gives the task role's instead).
        string[] names = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION"];
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            Environment.SetEnvironmentVariable("AWS_REGION", "eu-west-1");

            var prepared = new NpgsqlConnectionStringBuilder(await MigrationConnectionString.WithIamTokenAsync(
                "Host=shop-dev.cluster-abc.eu-west-1.rds.amazonaws.com;Port=5433;Database=appdb;Username=migrations;SSL Mode=VerifyFull",
                CancellationToken.None));

            Assert.StartsWith("shop-dev.cluster-abc.eu-west-1.rds.amazonaws.com:5433/?Action=connect&DBUser=migrations&", prepared.Password, StringComparison.Ordinal);
            Assert.Contains("X-Amz-Credential=AKIDEXAMPLE%2F", prepared.Password, StringComparison.Ordinal);
            Assert.Contains("%2Feu-west-1%2Frds-db%2Faws4_request", prepared.Password, StringComparison.Ordinal);
            Assert.Equal(SslMode.VerifyFull, prepared.SslMode);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
//#endif
}
