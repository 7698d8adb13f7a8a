namespace Microsoft.Extensions.Hosting;

public static class WebFrontendPipeline
{
    /// <summary>
    /// Middleware and endpoints of the Web front end. Forwarded headers (client IP and scheme from the load
    /// balancer) are handled by ASP.NET Core itself when <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>, which the
    /// deployment sets; that also makes HSTS below apply to requests the load balancer received over HTTPS.
    /// </summary>
    public static WebApplication UseWebFrontend(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
