using System.Net;
using System.Text;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>The 64 KiB body limit on a real Kestrel listener, with and without a declared length.</summary>
public sealed class KestrelRequestLimitTests(KestrelApiFixture fixture) : IClassFixture<KestrelApiFixture>
{
    private const int LimitBytes = 64 * 1024;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Body_over_64_KiB_returns_413_problem(bool chunked)
    {
        using var client = fixture.CreateClient();
        Assert.Equal("http", client.BaseAddress?.Scheme);
        var board = await client.CreateBoardAsync();
        var json = $$"""{"title":"big","description":"{{new string('x', LimitBytes)}}"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{board.Id}/items")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await client.SendAsync(request);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Body_under_the_limit_is_accepted()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();

        var item = await client.CreateWorkItemAsync(board.Id, "fits", new string('x', 2000));

        Assert.Equal(2000, item.Description?.Length);
    }
}
