using AppDelivery.Aspire.LocalServers;
using StackExchange.Redis;

namespace AppDelivery.Aspire.LocalServers.Tests;

public abstract class ValkeyServerTests(ValkeyOptions options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Starts_with_a_password_and_answers_PING()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var server = await ValkeyServer.StartProcessAsync(options, timeout.Token);

        Assert.StartsWith($"127.0.0.1:{server.Port},password=", server.ConnectionString, StringComparison.Ordinal);
        await using var connection = await server.ConnectAsync();
        Assert.Equal("PONG", (string?)await server.Server(connection).ExecuteAsync("PING"));
        await AssertClusterStateAsync(server, connection);
    }

    [Fact]
    public async Task StartAsync_uses_the_server_named_by_the_environment_or_starts_one()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var external = EnvironmentVariables.Read(EnvironmentVariables.Valkey);

        await using var server = await ValkeyServer.StartAsync(options, timeout.Token);

        Assert.Equal(external is not null, server.IsExternal);
        var expectedPrefix = external ?? $"127.0.0.1:{server.Port},password=";
        Assert.StartsWith(expectedPrefix, server.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_commands_without_the_password()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var server = await ValkeyServer.StartProcessAsync(options, timeout.Token);

        var error = await Assert.ThrowsAsync<RedisConnectionException>(
            () => ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port},connectRetry=0"));
        Assert.Equal(ConnectionFailureType.AuthenticationFailure, error.FailureType);
    }

    [Fact]
    public async Task Stops_like_a_crash_and_starts_again_empty_on_the_same_port()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var server = await ValkeyServer.StartProcessAsync(options, timeout.Token);
        var connectionString = server.ConnectionString;
        await using (var connection = await server.ConnectAsync())
        {
            Assert.True(await connection.GetDatabase().StringSetAsync("key", "value"));
        }

        await server.StopAsync();
        await Assert.ThrowsAsync<RedisConnectionException>(server.ConnectAsync);

        await server.StartAsync(timeout.Token);
        Assert.Equal(connectionString, server.ConnectionString);
        await using var restarted = await server.ConnectAsync();
        Assert.True((await restarted.GetDatabase().StringGetAsync("key")).IsNull);
        await AssertClusterStateAsync(server, restarted);
    }

    private async Task AssertClusterStateAsync(ValkeyServer valkey, ConnectionMultiplexer connection)
    {
        var server = valkey.Server(connection);
        if (options.ClusterMode)
        {
            var info = (string?)await server.ExecuteAsync("CLUSTER", "INFO");
            Assert.Contains("cluster_state:ok", info, StringComparison.Ordinal);
            Assert.Contains("cluster_slots_assigned:16384", info, StringComparison.Ordinal);
        }
        else
        {
            var error = await Assert.ThrowsAsync<RedisServerException>(() => server.ExecuteAsync("CLUSTER", "INFO"));
            Assert.Contains("cluster support disabled", error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }
}

public sealed class StandaloneValkeyServerTests() : ValkeyServerTests(new ValkeyOptions());

public sealed class ClusterModeValkeyServerTests() : ValkeyServerTests(new ValkeyOptions { ClusterMode = true });
