using System.Net.Sockets;
using System.Reflection;
using AppDelivery.Aspire.Api.Caching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>
/// Every way the Valkey client is known to fail a command is a cache miss, never an error for the request. A real
/// server cannot produce these on demand (the pipe race shows only under load while a connection dies), so the
/// client here is a proxy whose every command fails with the given exception.
/// </summary>
public sealed class CacheClientFailureTests
{
    public static TheoryData<Exception> ClientFailures() =>
    [
        // StackExchange.Redis 2.x, connection dying mid-write (StackExchange/StackExchange.Redis#2692).
        new InvalidOperationException("Writing is not allowed after writer was completed."),
        // The same, reading: Pipelines.Sockets.Unofficial's ConnectionResetException is an IOException.
        new IOException("Connection reset by peer", new SocketException(104)),
        new SocketException(111),
        new RedisConnectionException(ConnectionFailureType.SocketClosed, "SocketClosed"),
        new RedisServerException("CLUSTERDOWN The cluster is down"),
        new RedisTimeoutException("Timeout awaiting response", CommandStatus.Sent),
        new ObjectDisposedException("ConnectionMultiplexer"),
        new TaskCanceledException(),
    ];

    [Theory]
    [MemberData(nameof(ClientFailures))]
    public async Task Every_cache_operation_treats_a_client_failure_as_a_miss(Exception failure)
    {
        var cache = new ResilientCache(FailingValkey(failure), NullLogger<ResilientCache>.Instance);

        Assert.Null(await cache.GetAsync<string>("key"));
        Assert.Null(await cache.GetVersionedJsonAsync("key"));
        Assert.Equal(0, await cache.GetCounterAsync("key"));
        await cache.SetAsync("key", "value", TimeSpan.FromSeconds(1));
        await cache.SetVersionedJsonAsync("key", [1], version: 1, TimeSpan.FromSeconds(1));
        await cache.SetTombstoneAsync("key", TimeSpan.FromSeconds(1));
        await cache.IncrementCounterAsync("key", TimeSpan.FromSeconds(1));
    }

    [Theory]
    [MemberData(nameof(ClientFailures))]
    public async Task Health_check_reports_a_client_failure_as_degraded(Exception failure)
    {
        var result = await new CacheHealthCheck(FailingValkey(failure)).CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
    }

    [Fact]
    public async Task An_outage_is_logged_once_not_once_per_request()
    {
        var logger = new FakeLogger<ResilientCache>();
        var cache = new ResilientCache(FailingValkey(new RedisServerException("CLUSTERDOWN The cluster is down")), logger);

        for (var request = 0; request < 100; request++)
        {
            Assert.Null(await cache.GetAsync<string>("key"));
        }

        var warning = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("CLUSTERDOWN", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_that_is_not_the_client_s_still_surfaces()
    {
        var cache = new ResilientCache(FailingValkey(new ArgumentException("bug")), NullLogger<ResilientCache>.Instance);

        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetAsync<string>("key"));
    }

    private static ServiceProvider FailingValkey(Exception failure) =>
        new ServiceCollection().AddSingleton(FailingValkeyProxy.Create<IConnectionMultiplexer>(failure)).BuildServiceProvider();
}

/// <summary>A connected multiplexer whose databases fail every asynchronous command with <see cref="Failure"/>.</summary>
public class FailingValkeyProxy : DispatchProxy
{
    private static readonly MethodInfo FromException =
        typeof(Task).GetMethods().Single(method => method is { Name: nameof(Task.FromException), IsGenericMethod: true });

    private Exception Failure { get; set; } = null!;

    public static T Create<T>(Exception failure)
        where T : class
    {
        var proxy = Create<T, FailingValkeyProxy>();
        ((FailingValkeyProxy)(object)proxy).Failure = failure;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod switch
    {
        { Name: "get_IsConnected" } => true,
        { Name: nameof(IConnectionMultiplexer.GetDatabase) } => Create<IDatabase>(Failure),
        { ReturnType: var type } when type == typeof(Task) => Task.FromException(Failure),
        { ReturnType: { IsGenericType: true } type } when type.GetGenericTypeDefinition() == typeof(Task<>) =>
            FromException.MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [Failure]),
        _ => throw new NotSupportedException(targetMethod?.Name),
    };
}
