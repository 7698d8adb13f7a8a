using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>The Api in-process, configured only through the settings given (read before the app is built).</summary>
public sealed class ApiApplicationFactory(IReadOnlyDictionary<string, string?> settings, string environmentName)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environmentName);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
