using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>The board list is global, so this class owns its database: no other test adds boards to it.</summary>
public sealed class BoardPagingTests(StandaloneApiFixture fixture) : IClassFixture<StandaloneApiFixture>
{
    [Fact]
    public async Task Boards_are_paged_in_creation_order_with_the_total_count()
    {
        using var client = fixture.CreateClient();
        var created = new List<BoardDto>();
        for (var i = 1; i <= 5; i++)
        {
            created.Add(await client.CreateBoardAsync($"Board {i}"));
        }

        var defaults = await client.GetOkAsync<PagedResult<BoardDto>>("/api/boards");
        var second = await client.GetOkAsync<PagedResult<BoardDto>>("/api/boards?page=2&pageSize=2");
        var last = await client.GetOkAsync<PagedResult<BoardDto>>("/api/boards?page=3&pageSize=2");
        var beyond = await client.GetOkAsync<PagedResult<BoardDto>>("/api/boards?page=4&pageSize=2");

        Assert.Equal((1, 20, 5L), (defaults.Page, defaults.PageSize, defaults.TotalCount));
        Assert.Equal(created.Select(board => board.Id), defaults.Items.Select(board => board.Id));
        Assert.Equal((2, 2, 5L), (second.Page, second.PageSize, second.TotalCount));
        Assert.Equal(created.Skip(2).Take(2).Select(board => board.Id), second.Items.Select(board => board.Id));
        Assert.Equal(created[4].Id, Assert.Single(last.Items).Id);
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.TotalCount);
    }
}
