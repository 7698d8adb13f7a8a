using AppDelivery.Aspire.Tests;
using AppDelivery.Aspire.Api.Tests.Infrastructure;
using AppDelivery.Aspire.LocalServers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>
/// <c>Database:IamAuthentication</c> (set by the deployment) makes the Api sign in with an RDS IAM token of its AWS
/// credentials; unset (locally, in tests) the connection string is used as it is.
/// </summary>
public sealed class DatabaseIamAuthenticationTests : IAsyncLifetime
{

    private readonly FakeAwsCredentials credentials = new();
    private PostgresServer? server;

    public async Task InitializeAsync()
    {
        server = await PostgresServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        credentials.Dispose();

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_iam_the_api_presents_a_token_as_its_password()
    {
        // The local server knows no such token, so it refuses the password: proof that one was sent.
        var error = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(iam: true));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task Without_iam_no_password_is_invented()
    {
        var error = await Assert.ThrowsAsync<NpgsqlException>(() => OpenAsync(iam: false));
        Assert.IsNotType<PostgresException>(error);
        Assert.Contains("No password has been provided", error.Message, StringComparison.Ordinal);
    }

    private async Task OpenAsync(bool iam)
    {
        var builder = new NpgsqlConnectionStringBuilder(server!.ConnectionString) { Username = "api", Password = null, Timeout = 5 };
        var configuration = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Database}"] = builder.ConnectionString,
//#if (cache)
            [$"ConnectionStrings:{ResourceNames.Cache}"] = "127.0.0.1:1",
//#endif
        };
        if (iam)
        {
            configuration[ConfigurationKeys.DatabaseIamAuthentication] = "true";
        }

        using var factory = new ApiApplicationFactory(configuration, Environments.Production);
        await using var connection = await factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
    }
}
