using System.Net;
using AppDelivery.Aspire.LocalServers;
using AppDelivery.Aspire.Web.Api;
using AppDelivery.Aspire.Web.Tests.Fakes;
using AppDelivery.Aspire.Web.Tests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AppDelivery.Aspire.Web.Tests.Hosting;

/// <summary>A form rendered by one Web instance is posted to another, as happens behind a load balancer.</summary>
public sealed class SharedKeyRingTests(ValkeyFixture valkey) : IClassFixture<ValkeyFixture>
{
    [Fact]
    public async Task An_instance_sharing_the_cache_accepts_another_instances_antiforgery_token()
    {
        using var first = CreateWeb(valkey.ConnectionString);
        using var second = CreateWeb(valkey.ConnectionString);

        var response = await PostFormFromFirstToSecondAsync(first, second);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(second.Api.Requests, request => request.Method == HttpMethod.Post);
    }

    [Fact]
    public async Task An_instance_with_another_key_ring_rejects_the_token()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var otherValkey = await ValkeyServer.StartAsync(null, timeout.Token);
        using var first = CreateWeb(valkey.ConnectionString);
        using var second = CreateWeb(otherValkey.ConnectionString);

        var response = await PostFormFromFirstToSecondAsync(first, second);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(second.Api.Requests, request => request.Method == HttpMethod.Post);
    }

    private static FakeApiWebFactory CreateWeb(string cacheConnectionString)
    {
        var web = new FakeApiWebFactory(cacheConnectionString);
        web.Api.Respond = request => request.Method == HttpMethod.Post
            ? ApiResponses.Json(ApiResponses.Board("Shared"), HttpStatusCode.Created)
            : ApiResponses.Json(ApiResponses.Page<BoardDto>([]));
        return web;
    }

    private static async Task<HttpResponseMessage> PostFormFromFirstToSecondAsync(FakeApiWebFactory first, FakeApiWebFactory second)
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        using var firstClient = first.CreateClient(options);
        using var secondClient = second.CreateClient(options);

        using var page = await firstClient.GetAsync(new Uri("/", UriKind.Relative));
        var token = HtmlForms.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var cookies = page.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0]);

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/", UriKind.Relative))
        {
            Content = HtmlForms.Form(token, ("NewBoard.Name", "Shared")),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        return await secondClient.SendAsync(post);
    }
}
