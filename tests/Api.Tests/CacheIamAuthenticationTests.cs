using AppDelivery.Aspire.Tests;
using AppDelivery.Aspire.Api.Tests.Infrastructure;
using AppDelivery.Aspire.LocalServers;
using AppDelivery.Aspire.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>
/// <c>Cache:IamAuthentication</c> (set by the deployment) makes the cache client sign in with renewed ElastiCache IAM
/// tokens. A real Valkey plays ElastiCache: an ACL user whose password is the current token, the default user locked.
/// </summary>
public sealed class CacheIamAuthenticationTests : IAsyncLifetime
{
    private const string User = "api";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly FakeAwsCredentials credentials = new();
    private ValkeyServer? server;
    private ConnectionMultiplexer? admin;

    public async Task InitializeAsync()
    {
        server = await ValkeyServer.StartProcessAsync(null);
        admin = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");
    }

    public async Task DisposeAsync()
    {
        credentials.Dispose();

        if (admin is not null)
        {
            await admin.DisposeAsync();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Connections_that_replace_closed_ones_sign_in_with_the_renewed_token()
    {
        var token = "token-a";
        await SetPasswordAsync(token);
        var renewal = new CachePasswordRenewal(
            (user, _) => ValueTask.FromResult($"{token} for {user}"),
            TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100), NullLogger<CachePasswordRenewal>.Instance);
        var options = ConfigurationOptions.Parse($"127.0.0.1:{server!.Port},user={User},abortConnect=false");
        options.ReconnectRetryPolicy = new LinearRetry(100);
        renewal.Apply(options);
        await renewal.StartAsync(CancellationToken.None);
        try
        {
            await using var client = await ConnectionMultiplexer.ConnectAsync(options);
            await client.GetDatabase().StringSetAsync("key", "value");

            token = "token-b";
            await SetPasswordAsync(token);
            await WaitUntilAsync(() => Task.FromResult(options.Password == $"token-b for {User}"), "the password renewed");
            var killed = (long)await Admin.ExecuteAsync("CLIENT", "KILL", "USER", User);

            Assert.True(killed > 0, "The client had no connection to close.");
            await WaitUntilAsync(async () => await TryGetAsync(client) == "value", "the client signed in again after its connections were closed");
        }
        finally
        {
            await renewal.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task With_iam_the_api_signs_its_cache_connection_with_a_token_for_its_user_and_cache()
    {
        using var factory = new ApiApplicationFactory(
            new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{ResourceNames.Database}"] = "Host=127.0.0.1;Port=1;Username=api;Database=app",
                [$"ConnectionStrings:{ResourceNames.Cache}"] = $"127.0.0.1:{server!.Port},user={User},abortConnect=false",
                [ConfigurationKeys.CacheIamAuthentication] = "true",
                [ConfigurationKeys.ServerlessCacheName(ResourceNames.Cache)] = "shop-dev",
            },
            Environments.Production);

        var password = factory.Services.GetRequiredService<IOptions<ConfigurationOptions>>().Value.Password;

        Assert.StartsWith("shop-dev/?Action=connect&ResourceType=ServerlessCache&User=api&X-Amz-Algorithm=", password, StringComparison.Ordinal);
        Assert.Contains("&X-Amz-Credential=AKIDEXAMPLE%2F", password, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_iam_the_connection_string_is_used_as_it_is()
    {
        using var factory = new ApiApplicationFactory(
            new Dictionary<string, string?>
            {
                [$"ConnectionStrings:{ResourceNames.Database}"] = "Host=127.0.0.1;Port=1;Username=api;Database=app",
                [$"ConnectionStrings:{ResourceNames.Cache}"] = $"127.0.0.1:{server!.Port},user={User},abortConnect=false",
            },
            Environments.Production);

        Assert.Null(factory.Services.GetRequiredService<IOptions<ConfigurationOptions>>().Value.Password);
    }

    private IServer Admin => admin!.GetServer("127.0.0.1", server!.Port);

    private Task<RedisResult> SetPasswordAsync(string token) =>
        Admin.ExecuteAsync("ACL", "SETUSER", User, "on", "resetpass", $">{token} for {User}", "~*", "+@all");

    private static async Task<string?> TryGetAsync(ConnectionMultiplexer client)
    {
        try
        {
            return await client.GetDatabase().StringGetAsync("key");
        }
        catch (RedisException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not {what} within {Timeout.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
