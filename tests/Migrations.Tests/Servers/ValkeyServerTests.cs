using System.Net.Sockets;
using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.Migrations.Tests.Servers;

public abstract class ValkeyServerTests(ValkeyOptions options)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Starts_with_a_password_and_answers_PING()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var server = await ValkeyServer.StartProcessAsync(options, timeout.Token);

        Assert.StartsWith($"127.0.0.1:{server.Port},password=", server.ConnectionString, StringComparison.Ordinal);
        await using var client = await server.ConnectAsync(timeout.Token);
        Assert.Equal("PONG", await client.ExecuteAsync(timeout.Token, "PING"));
        await AssertClusterStateAsync(client, timeout.Token);
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

        await using var anonymous = await RespClient.ConnectAsync(server.Port, password: null, timeout.Token);
        var error = await Assert.ThrowsAsync<RespErrorException>(() => anonymous.ExecuteAsync(timeout.Token, "GET", "key"));
        Assert.StartsWith("NOAUTH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_like_a_crash_and_starts_again_empty_on_the_same_port()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var server = await ValkeyServer.StartProcessAsync(options, timeout.Token);
        var connectionString = server.ConnectionString;
        await using (var client = await server.ConnectAsync(timeout.Token))
        {
            Assert.Equal("OK", await client.ExecuteAsync(timeout.Token, "SET", "key", "value"));
        }

        await server.StopAsync();
        await Assert.ThrowsAnyAsync<SocketException>(() => server.ConnectAsync(timeout.Token));

        await server.StartAsync(timeout.Token);
        Assert.Equal(connectionString, server.ConnectionString);
        await using var restarted = await server.ConnectAsync(timeout.Token);
        Assert.Null(await restarted.ExecuteAsync(timeout.Token, "GET", "key"));
        await AssertClusterStateAsync(restarted, timeout.Token);
    }

    private async Task AssertClusterStateAsync(RespClient client, CancellationToken cancellationToken)
    {
        if (options.ClusterMode)
        {
            var info = Assert.IsType<string>(await client.ExecuteAsync(cancellationToken, "CLUSTER", "INFO"));
            Assert.Contains("cluster_state:ok", info, StringComparison.Ordinal);
            Assert.Contains("cluster_slots_assigned:16384", info, StringComparison.Ordinal);
        }
        else
        {
            var error = await Assert.ThrowsAsync<RespErrorException>(() => client.ExecuteAsync(cancellationToken, "CLUSTER", "INFO"));
            Assert.Contains("cluster support disabled", error.Message, StringComparison.OrdinalIgnoreCase);
        }
    }
}

public sealed class StandaloneValkeyServerTests() : ValkeyServerTests(new ValkeyOptions());

public sealed class ClusterModeValkeyServerTests() : ValkeyServerTests(new ValkeyOptions { ClusterMode = true });
