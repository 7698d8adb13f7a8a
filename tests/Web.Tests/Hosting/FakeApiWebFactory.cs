using AppDelivery.Aspire.Web.Api;
using AppDelivery.Aspire.Web.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AppDelivery.Aspire.Web.Tests.Hosting;

/// <summary>The Web in memory, its Api (pages and readiness check) replaced by <see cref="Api"/> and its key ring kept in a real Valkey.</summary>
/// <param name="settings">Further configuration, e.g. <c>Auth:ApiKey</c>.</param>
public sealed class FakeApiWebFactory(
    string cacheConnectionString,
    IReadOnlyDictionary<string, string>? settings = null,
    string environment = "Development")
    : WebApplicationFactory<Program>
{
    public const string ApiAddress = "http://api.test";

    public StubApiHandler Api { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Cache}", cacheConnectionString);
        builder.UseSetting($"services:{ResourceNames.Api}:http:0", ApiAddress);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddHttpClient<ApiClient>().ConfigurePrimaryHttpMessageHandler(() => Api);
            services.AddHttpClient<ApiHealthCheck>().ConfigurePrimaryHttpMessageHandler(() => Api);
            services.UseShortRetryDelays();
        });
    }
}
