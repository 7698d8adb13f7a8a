using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AppDelivery.Aspire.ServiceDefaults;

/// <summary>
/// Keeps the password of a cache connection a current IAM token. StackExchange.Redis reads
/// <see cref="ConfigurationOptions.Password"/> at every connection's handshake (a reconnect after ElastiCache's
/// 12-hour limit, a failover), and an ElastiCache token signs in new connections for 15 minutes: so the token is
/// renewed every 10 minutes, and 5 seconds after a failure.
/// </summary>
public sealed partial class CachePasswordRenewal(
    Func<string, CancellationToken, ValueTask<string>> generateToken,
    TimeSpan renewalInterval,
    TimeSpan retryInterval,
    ILogger<CachePasswordRenewal> logger) : BackgroundService
{
    private volatile ConfigurationOptions? renewed;

    /// <summary>
    /// Sets the password of <paramref name="options"/> to a token for its user and keeps it renewed. Blocks for the
    /// first token: the multiplexer connects with the options as soon as they are configured.
    /// </summary>
    public void Apply(ConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.User))
        {
            throw new InvalidOperationException("IAM cache authentication needs the connection string's user (user=...).");
        }

        options.Password = generateToken(options.User, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        renewed = options;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = renewalInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            delay = renewalInterval;
            if (renewed is not { } options)
            {
                continue;
            }

            try
            {
                options.Password = await generateToken(options.User!, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRenewalFailed(logger, exception);
                delay = retryInterval;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Renewing the cache's IAM token failed; new cache connections fail once the current one expires")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception);
}

public static class CacheIamAuthenticationExtensions
{
    /// <summary>
    /// Where <c>Cache:IamAuthentication</c> is true (set by the deployment), the cache client registered by
    /// <c>AddRedisClient(connectionName)</c> signs in with ElastiCache IAM tokens of this process's AWS credentials;
    /// otherwise nothing changes. The unkeyed client only: its options are the default-named
    /// <see cref="ConfigurationOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddCacheIamAuthentication(this IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Configuration.GetValue<bool>(ConfigurationKeys.CacheIamAuthentication))
        {
            return builder;
        }

        var cacheNameKey = ConfigurationKeys.ServerlessCacheName(connectionName);
        var cacheName = builder.Configuration[cacheNameKey] is { Length: > 0 } name
            ? name
            : throw new InvalidOperationException($"{ConfigurationKeys.CacheIamAuthentication} is true but {cacheNameKey} is not set: the IAM token names the cache.");
        builder.Services.AddSingleton(services => new CachePasswordRenewal(
            (user, cancellationToken) => ElastiCacheAuthToken.GenerateAsync(cacheName, user, cancellationToken),
            SigV4Presigner.RenewalInterval,
            SigV4Presigner.RetryInterval,
            services.GetRequiredService<ILogger<CachePasswordRenewal>>()));
        builder.Services.AddHostedService(services => services.GetRequiredService<CachePasswordRenewal>());
        builder.Services.AddSingleton<IConfigureOptions<ConfigurationOptions>>(services => new ConfigureNamedOptions<ConfigurationOptions>(
            Options.DefaultName, options => services.GetRequiredService<CachePasswordRenewal>().Apply(options)));
        return builder;
    }
}
