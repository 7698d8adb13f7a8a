using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace AppDelivery.Aspire.Web.Tests.Hosting;

public static class TestResilience
{
    /// <summary>
    /// Keeps the standard retry policy (same attempts, same handled failures) but with short delays, so a test of
    /// an unreachable or failing Api takes milliseconds instead of the production back-off's seconds.
    /// </summary>
    public static IServiceCollection UseShortRetryDelays(this IServiceCollection services) =>
        services.PostConfigureAll<HttpStandardResilienceOptions>(options =>
        {
            options.Retry.Delay = TimeSpan.FromMilliseconds(20);
            options.Retry.UseJitter = false;
        });
}
