namespace Microsoft.Extensions.Hosting;

public static class WebFrontendRegistration
{
    /// <summary>Everything the Web front end needs besides the service defaults.</summary>
    public static IHostApplicationBuilder AddWebFrontend(this IHostApplicationBuilder builder)
    {
        builder.AddCacheBackedDataProtection();
        builder.AddApiClient();
        builder.Services.AddRazorPages();
        return builder;
    }
}
