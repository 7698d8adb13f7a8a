using AppDelivery.Aspire;
//#if (aws)
using AppDelivery.Aspire.ServiceDefaults;
//#endif
using AppDelivery.Aspire.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

// The Data Protection key ring lives in the cache, so that antiforgery tokens and TempData cookies issued by one
// Web instance are accepted by every other. The multiplexer comes from DI: resolved when the ring is first needed.
builder.AddRedisClient(ResourceNames.Cache);
//#if (aws)
builder.AddCacheIamAuthentication(ResourceNames.Cache);
//#endif
builder.Services.AddDataProtection().SetApplicationName("AppDelivery.Aspire");
builder.Services
    .AddOptions<KeyManagementOptions>()
    .Configure<IServiceProvider>((options, services) => options.XmlRepository = new RedisXmlRepository(
        () => services.GetRequiredService<IConnectionMultiplexer>().GetDatabase(),
        "AppDelivery.Aspire:DataProtection-Keys"));

// The Api, found by service discovery (services:api:https:0, else services:api:http:0).
var apiAddress = new Uri("https+http://" + ResourceNames.Api);
builder.Services.AddTransient<ApiKeyHandler>();
builder.Services
    .AddHttpClient<ApiClient>(client => client.BaseAddress = apiAddress)
    .AddHttpMessageHandler<ApiKeyHandler>();

// Readiness names the Api when it is unreachable. The probe gets one short attempt: the standard resilience
// handler's retries would keep /health waiting for seconds on an Api that is down.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way out.
builder.Services
    .AddHttpClient<ApiHealthCheck>(client =>
    {
        client.BaseAddress = apiAddress;
        client.Timeout = ApiHealthCheck.Timeout;
    })
    .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
builder.Services.AddHealthChecks().AddCheck<ApiHealthCheck>(ResourceNames.Api, failureStatus: HealthStatus.Degraded);

builder.Services.AddRazorPages();

var app = builder.Build();

// Forwarded headers (client IP and scheme from the load balancer) are handled by ASP.NET Core itself when
// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true, which the deployment sets; HSTS then applies to HTTPS requests.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

app.Run();
