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
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    // Resolved lazily: the multiplexer connects on first resolution, and that must not happen at startup.
    private IDatabase Database => services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    public async Task<T?> GetAsync<T>(string key)
        where T : class
    {
        try
        {
            var value = await Database.StringGetAsync(key);
            return value.HasValue ? JsonSerializer.Deserialize<T>(value.ToString(), SerializerOptions) : null;
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            LogCacheFailure(logger, "GET", key, exception.GetType().Name, exception.Message);
            return null;
        }
    }

    public async Task SetAsync<T>(string key, T value, TimeSpan timeToLive)
    {
        try
        {
            await Database.StringSetAsync(key, JsonSerializer.Serialize(value, SerializerOptions), timeToLive);
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            LogCacheFailure(logger, "SET", key, exception.GetType().Name, exception.Message);
        }
    }

    public async Task RemoveAsync(string key)
    {
        try
        {
            await Database.KeyDeleteAsync(key);
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            LogCacheFailure(logger, "DEL", key, exception.GetType().Name, exception.Message);
        }
    }

    /// <summary>Reads a counter; a missing counter (or an unreachable cache) reads as 0.</summary>
    public async Task<long> GetCounterAsync(string key)
    {
        try
        {
            var value = await Database.StringGetAsync(key);
            return value.TryParse(out long counter) ? counter : 0;
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            LogCacheFailure(logger, "GET", key, exception.GetType().Name, exception.Message);
            return 0;
        }
    }

    /// <summary>Increments a counter and (re)sets its expiry; both commands touch only that key.</summary>
    public async Task IncrementCounterAsync(string key, TimeSpan timeToLive)
    {
        try
        {
            await Database.StringIncrementAsync(key);
            await Database.KeyExpireAsync(key, timeToLive);
        }
        catch (Exception exception) when (IsCacheFailure(exception))
        {
            LogCacheFailure(logger, "INCR", key, exception.GetType().Name, exception.Message);
        }
    }

    private static bool IsCacheFailure(Exception exception) =>
        exception is RedisException or ObjectDisposedException or JsonException;

    // Only the exception type and message are logged: never the connection string or its password.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache {Operation} {CacheKey} failed ({ExceptionType}: {ExceptionMessage}); using PostgreSQL")]
    private static partial void LogCacheFailure(ILogger logger, string operation, string cacheKey, string exceptionType, string exceptionMessage);
}
