using System.Net.Sockets;
using System.Text.Json;
using StackExchange.Redis;

namespace AppDelivery.Aspire.Api.Caching;

/// <summary>
/// Valkey access for cache-aside reads. Every failure (server down, timeout, shutdown) is logged and
/// treated as a miss, so callers fall back to PostgreSQL. Only single-key commands are used and no
/// database is selected: the cloud cache is ElastiCache Serverless in cluster mode.
/// </summary>
internal sealed partial class ResilientCache(IServiceProvider services, ILogger<ResilientCache> logger)
{
    // A versioned entry is a hash {v: version, j: JSON}. The set is refused when the cached version is the same or
    // newer: a read that loaded a row before a write committed cannot overwrite what that write cached. A deleted
    // item's tombstone has the highest version and no JSON.
    private const string SetIfNewerScript = """
        local cached = redis.call('HGET', KEYS[1], 'v')
        if cached and tonumber(cached) >= tonumber(ARGV[1]) then return 0 end
        if ARGV[2] == '' then
          redis.call('DEL', KEYS[1])
          redis.call('HSET', KEYS[1], 'v', ARGV[1])
        else
          redis.call('HSET', KEYS[1], 'v', ARGV[1], 'j', ARGV[2])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    private static readonly TimeSpan FailureLogInterval = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);
    private static readonly RedisValue JsonField = "j";

    // Resolved lazily: the multiplexer connects on first resolution, and that must not happen at startup.
    // Null while the multiplexer is disconnected (it reconnects in the background): calls then skip Valkey at once
    // instead of each waiting for a timeout, which under load piles up requests (seen at 300 RPS in cluster mode).
    private long _nextFailureLogAt;
    private long _unloggedFailures;

    private IDatabase? Database =>
        services.GetRequiredService<IConnectionMultiplexer>() is { IsConnected: true } multiplexer ? multiplexer.GetDatabase() : null;

    public async Task<T?> GetAsync<T>(string key)
        where T : class
    {
        try
        {
            if (Database is not { } database)
            {
                return null;
            }

            var value = await database.StringGetAsync(key);
            return value.HasValue ? JsonSerializer.Deserialize<T>(value.ToString(), SerializerOptions) : null;
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            OnCacheFailure("GET", key, exception);
            return null;
        }
    }

    /// <summary>The JSON of a versioned entry as stored, or null on a miss, a tombstone or a cache failure.</summary>
    public async Task<byte[]?> GetVersionedJsonAsync(string key)
    {
        try
        {
            return Database is { } database ? (byte[]?)await database.HashGetAsync(key, JsonField) : null;
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            OnCacheFailure("HGET", key, exception);
            return null;
        }
    }

    /// <summary>
    /// Stores <paramref name="json"/> as <paramref name="version"/> unless the cache holds that version or a newer one.
    /// <paramref name="waitForReply"/> false sends it without waiting, for reads that need not pay a round trip.
    /// </summary>
    public Task SetVersionedJsonAsync(string key, byte[] json, int version, TimeSpan timeToLive, bool waitForReply = true) =>
        SetIfNewerAsync(key, version, json, timeToLive, waitForReply);

    /// <summary>Marks a deleted entry so that no read that loaded it earlier can cache it again within <paramref name="timeToLive"/>.</summary>
    public Task SetTombstoneAsync(string key, TimeSpan timeToLive) =>
        SetIfNewerAsync(key, int.MaxValue, RedisValue.EmptyString, timeToLive, waitForReply: true);

    public static byte[] SerializeToJson<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions);

    private async Task SetIfNewerAsync(string key, int version, RedisValue json, TimeSpan timeToLive, bool waitForReply)
    {
        try
        {
            if (Database is not { } database)
            {
                return;
            }

            await database.ScriptEvaluateAsync(
                SetIfNewerScript,
                [key],
                [version, json, (long)timeToLive.TotalMilliseconds],
                waitForReply ? CommandFlags.None : CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            OnCacheFailure("EVAL", key, exception);
        }
    }

    public async Task SetAsync<T>(string key, T value, TimeSpan timeToLive)
    {
        try
        {
            if (Database is not { } database)
            {
                return;
            }

            await database.StringSetAsync(key, JsonSerializer.Serialize(value, SerializerOptions), timeToLive);
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            OnCacheFailure("SET", key, exception);
        }
    }

    /// <summary>Reads a counter; a missing counter (or an unreachable cache) reads as 0.</summary>
    public async Task<long> GetCounterAsync(string key)
    {
        try
        {
            if (Database is not { } database)
            {
                return 0;
            }

            var value = await database.StringGetAsync(key);
            return value.TryParse(out long counter) ? counter : 0;
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            OnCacheFailure("GET", key, exception);
            return 0;
        }
    }

    /// <summary>Increments a counter and (re)sets its expiry; both commands touch only that key.</summary>
    public async Task IncrementCounterAsync(string key, TimeSpan timeToLive)
    {
        try
        {
            if (Database is not { } database)
            {
                return;
            }

            await database.StringIncrementAsync(key);
            await database.KeyExpireAsync(key, timeToLive);
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            OnCacheFailure("INCR", key, exception);
        }
    }

    // No token is passed to Valkey, so a cancellation is the multiplexer failing its queued commands when the
    // connection dies; RedisTimeoutException is a TimeoutException, not a RedisException. When a connection dies
    // mid-command, StackExchange.Redis 2.x can also let its transport's exceptions through (seen at 300 RPS in
    // cluster mode): the pipe's InvalidOperationException ("Writing is not allowed after writer was completed",
    // StackExchange/StackExchange.Redis#2692; ObjectDisposedException is one too) and an IOException
    // (Pipelines.Sockets.Unofficial's ConnectionResetException) or SocketException.
    internal static bool IsCacheFailure(Exception exception) =>
        exception is RedisException or TimeoutException or OperationCanceledException or InvalidOperationException
            or IOException or SocketException or JsonException;

    // While Valkey is down every request fails the same way (1,000 warnings in 8 s at 300 requests per second):
    // the first failure is logged, then at most one per interval, with how many were not.
    private void OnCacheFailure(string operation, string key, Exception exception)
    {
        var now = Environment.TickCount64;
        var logAfter = Interlocked.Read(ref _nextFailureLogAt);
        if (now < logAfter || Interlocked.CompareExchange(ref _nextFailureLogAt, now + (long)FailureLogInterval.TotalMilliseconds, logAfter) != logAfter)
        {
            Interlocked.Increment(ref _unloggedFailures);
            return;
        }

        LogCacheFailure(logger, operation, key, exception.GetType().Name, exception.Message, Interlocked.Exchange(ref _unloggedFailures, 0));
    }

    // Only the exception type and message are logged: never the connection string or its password.
    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Cache {Operation} {CacheKey} failed ({ExceptionType}: {ExceptionMessage}); using PostgreSQL. {UnloggedFailures} failures since the previous warning")]
    private static partial void LogCacheFailure(
        ILogger logger, string operation, string cacheKey, string exceptionType, string exceptionMessage, long unloggedFailures);
}
