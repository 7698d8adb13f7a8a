using AppDelivery.Aspire;
using AppDelivery.Aspire.Web.Api;

namespace Microsoft.Extensions.Hosting;

public static class ApiClientRegistration
{
    /// <summary>
    /// Registers <see cref="ApiClient"/> against <c>https+http://api</c>, resolved by service discovery
    /// (<c>services:api:https:0</c>, falling back to <c>services:api:http:0</c>).
    /// </summary>
    public static IHostApplicationBuilder AddApiClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTransient<ApiKeyHandler>();
        builder.Services
            .AddHttpClient<ApiClient>(client => client.BaseAddress = new("https+http://" + ResourceNames.Api))
            .AddHttpMessageHandler<ApiKeyHandler>();
        return builder;
    }
}
