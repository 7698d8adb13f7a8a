using System.Net;
using AppDelivery.Aspire.Web.Api;
using AppDelivery.Aspire.Web.Tests.Fakes;
using AppDelivery.Aspire.Web.Tests.Pages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace AppDelivery.Aspire.Web.Tests.Hosting;

public sealed class ApiKeyLoggingTests(ValkeyFixture valkey) : IClassFixture<ValkeyFixture>
{
    private const string ApiKey = "5ecret-api-key-for-logging-test";

    [Fact]
    public async Task The_api_key_is_sent_to_the_api_but_never_logged_even_at_trace_level()
    {
        var logs = new CapturingLoggerProvider();
        using var web = new FakeApiWebFactory(
            valkey.ConnectionString, new Dictionary<string, string> { [ConfigurationKeys.ApiKey] = ApiKey });
        using var tracingWeb = web.WithWebHostBuilder(builder => builder.ConfigureLogging(logging =>
            logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace).AddFilter(_ => true)));
        web.Api.Respond = request => request.Method == HttpMethod.Post
            ? ApiResponses.Json(ApiResponses.Board("Keyed"), HttpStatusCode.Created)
            : ApiResponses.Json(ApiResponses.Page<BoardDto>([]));
        using var client = tracingWeb.CreateClient(new() { AllowAutoRedirect = false });
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        using var response = await client.PostAsync(new Uri("/", UriKind.Relative), HtmlForms.Form(token, ("NewBoard.Name", "Keyed")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApiKey, Assert.Single(web.Api.Requests, request => request.Method == HttpMethod.Post).ApiKey);
        Assert.Contains(logs.Entries, entry => entry.Contains(ConfigurationKeys.ApiKeyHeader, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs.Entries, entry => entry.Contains(ApiKey, StringComparison.Ordinal));
    }
}
