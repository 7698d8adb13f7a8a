using AppDelivery.Aspire;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class CacheDataProtectionRegistration
{
    public const string ApplicationName = "AppDelivery.Aspire";

    /// <summary>The Valkey key holding the Data Protection key ring shared by all Web instances.</summary>
    public const string KeyRingKey = "AppDelivery.Aspire:DataProtection-Keys";

    /// <summary>
    /// Connects to the cache (<c>ConnectionStrings:cache</c>) and keeps the Data Protection key ring there, so
    /// antiforgery tokens and TempData cookies issued by one Web instance are accepted by every other.
    /// </summary>
    public static IHostApplicationBuilder AddCacheBackedDataProtection(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ResourceNames.Cache);
        builder.Services.AddDataProtection().SetApplicationName(ApplicationName);

        // Resolved when the key ring is first needed, not while registering: the multiplexer comes from DI.
        builder.Services
            .AddOptions<KeyManagementOptions>()
            .Configure<IServiceProvider>((options, services) => options.XmlRepository = new RedisXmlRepository(
                () => services.GetRequiredService<IConnectionMultiplexer>().GetDatabase(),
                KeyRingKey));
        return builder;
    }
}
