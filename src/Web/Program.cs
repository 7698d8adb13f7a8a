using AppDelivery.Aspire;
//#if (aws)
using AppDelivery.Aspire.ServiceDefaults;
//#endif
using AppDelivery.Aspire.Web.Api;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
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
builder.Services.AddTransient<ApiKeyHandler>();
builder.Services
    .AddHttpClient<ApiClient>(client => client.BaseAddress = new("https+http://" + ResourceNames.Api))
    .AddHttpMessageHandler<ApiKeyHandler>();

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
