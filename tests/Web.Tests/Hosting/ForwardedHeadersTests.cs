using AppDelivery.Aspire.Web.Api;
using AppDelivery.Aspire.Web.Tests.Fakes;

namespace AppDelivery.Aspire.Web.Tests.Hosting;

/// <summary>
/// Behind the load balancer TLS ends at the balancer; with <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> the Web must
/// still know the request was HTTPS (seen here through the HSTS header, which is only sent on HTTPS requests).
/// </summary>
public sealed class ForwardedHeadersTests(ValkeyFixture valkey) : IClassFixture<ValkeyFixture>
{
    private const string HstsHeader = "Strict-Transport-Security";

    [Fact]
    public async Task With_forwarded_headers_enabled_a_request_the_balancer_received_over_https_is_https()
    {
        using var web = CreateWeb(forwardedHeadersEnabled: true);

        using var response = await SendThroughBalancerAsync(web);

        Assert.True(response.Headers.Contains(HstsHeader), "Expected HSTS on a request forwarded as HTTPS.");
    }

    [Fact]
    public async Task Without_forwarded_headers_enabled_the_forwarded_scheme_is_ignored()
    {
        using var web = CreateWeb(forwardedHeadersEnabled: false);

        using var response = await SendThroughBalancerAsync(web);

        Assert.False(response.Headers.Contains(HstsHeader), "Forwarded headers must not be trusted unless enabled.");
    }

    private FakeApiWebFactory CreateWeb(bool forwardedHeadersEnabled)
    {
        var settings = new Dictionary<string, string>();
        if (forwardedHeadersEnabled)
        {
            // The configuration key behind the ASPNETCORE_FORWARDEDHEADERS_ENABLED environment variable.
            settings["FORWARDEDHEADERS_ENABLED"] = "true";
        }

        var web = new FakeApiWebFactory(valkey.ConnectionString, settings, environment: "Production");
        web.Api.Respond = _ => ApiResponses.Json(ApiResponses.Page<BoardDto>([]));
        return web;
    }

    private static async Task<HttpResponseMessage> SendThroughBalancerAsync(FakeApiWebFactory web)
    {
        // HSTS is never sent to localhost, so the request names the public host the balancer serves.
        using var client = web.CreateClient(new() { BaseAddress = new Uri("http://boards.example.com") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.10");
        var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
