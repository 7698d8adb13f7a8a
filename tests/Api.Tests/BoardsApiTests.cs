using System.Net;
using System.Net.Http.Json;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class BoardsApiTests(StandaloneApiFixture fixture) : IClassFixture<StandaloneApiFixture>
{
    [Fact]
    public async Task Create_then_get_returns_the_created_board()
    {
        using var client = fixture.CreateClient();

        using var created = await client.PostAsJsonAsync("/api/boards", new { name = "Release train" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var board = await created.Content.ReadFromJsonAsync<BoardDto>();
        Assert.NotNull(board);
        Assert.Equal($"/api/boards/{board.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("Release train", board.Name);
        Assert.Equal(1, board.Version);

        var fetched = await client.GetOkAsync<BoardDto>($"/api/boards/{board.Id}");
        Assert.Equal(board, fetched);
    }

    [Fact]
    public async Task Get_unknown_board_returns_404_problem()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync($"/api/boards/{Guid.NewGuid()}");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
