using System.Net;
using System.Net.Http.Json;
using AppDelivery.Aspire.Api.Tests.Infrastructure;
using AppDelivery.Aspire.Api.WorkItems;
using Microsoft.Extensions.DependencyInjection;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>
/// Cache-aside behaviour, proved by changing rows behind the Api's back: a cached read keeps returning the
/// old value until a write through the Api invalidates it. Runs against each Valkey variant below.
/// </summary>
public abstract class CacheTests(ApiFixture fixture)
{
    [Fact]
    public async Task Item_read_is_cached_until_an_api_write_invalidates_it()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var item = await client.CreateWorkItemAsync(board.Id, "Cached title");
        await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");

        Assert.Equal(1, await fixture.ExecuteSqlAsync("UPDATE work_items SET title = 'Changed in SQL' WHERE id = $1", item.Id));
        var cached = await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");

        using var update = await client.PutAsJsonAsync(
            $"/api/items/{item.Id}", new { title = "Changed by Api", status = "done", version = item.Version });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var afterWrite = await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");

        Assert.Equal("Cached title", cached.Title);
        Assert.Equal(("Changed by Api", "done", 2), (afterWrite.Title, afterWrite.Status, afterWrite.Version));
    }

    [Fact]
    public async Task Item_list_is_cached_until_an_api_write_to_the_board_invalidates_it()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var first = await client.CreateWorkItemAsync(board.Id, "First");
        var listPath = $"/api/boards/{board.Id}/items?status=todo";
        await client.GetOkAsync<PagedResult<WorkItemDto>>(listPath);

        Assert.Equal(1, await fixture.ExecuteSqlAsync(
            "INSERT INTO work_items (id, board_id, title) VALUES ($1, $2, 'Inserted in SQL')", Guid.CreateVersion7(), board.Id));
        var cached = await client.GetOkAsync<PagedResult<WorkItemDto>>(listPath);

        var second = await client.CreateWorkItemAsync(board.Id, "Second");
        var afterWrite = await client.GetOkAsync<PagedResult<WorkItemDto>>(listPath);

        Assert.Equal([first.Id], cached.Items.Select(item => item.Id));
        Assert.Equal(1, cached.TotalCount);
        Assert.Equal(["First", "Inserted in SQL", "Second"], afterWrite.Items.Select(item => item.Title));
        Assert.Equal(3, afterWrite.TotalCount);
        Assert.Contains(second.Id, afterWrite.Items.Select(item => item.Id));
    }

    [Fact]
    public async Task Update_and_delete_invalidate_cached_lists_of_the_board()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var kept = await client.CreateWorkItemAsync(board.Id, "Kept");
        var removed = await client.CreateWorkItemAsync(board.Id, "Removed");
        var listPath = $"/api/boards/{board.Id}/items";
        Assert.Equal(2, (await client.GetOkAsync<PagedResult<WorkItemDto>>(listPath)).TotalCount);

        using (var update = await client.PutAsJsonAsync(
            $"/api/items/{kept.Id}", new { title = "Kept, renamed", status = "in-progress", version = kept.Version }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        var afterUpdate = await client.GetOkAsync<PagedResult<WorkItemDto>>(listPath);
        using (var delete = await client.DeleteAsync($"/api/items/{removed.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var afterDelete = await client.GetOkAsync<PagedResult<WorkItemDto>>(listPath);
        using var deletedItem = await client.GetAsync($"/api/items/{removed.Id}");

        Assert.Equal(["Kept, renamed", "Removed"], afterUpdate.Items.Select(item => item.Title));
        Assert.Equal(["Kept, renamed"], afterDelete.Items.Select(item => item.Title));
        Assert.Equal(HttpStatusCode.NotFound, deletedItem.StatusCode);
    }

    /// <summary>
    /// The cache-aside race, interleaved by hand: a read loads the row, a write commits and returns, and only then
    /// does the read's cache fill land (a slow thread, a GC pause). The fill must not bring the old item back.
    /// </summary>
    [Fact]
    public async Task A_read_that_loaded_an_item_before_an_update_or_delete_cannot_cache_the_old_item_after_it()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var updated = await client.CreateWorkItemAsync(board.Id, "Updated");
        var deleted = await client.CreateWorkItemAsync(board.Id, "Deleted");
        var repository = fixture.Factory.Services.GetRequiredService<WorkItemRepository>();
        var workItems = fixture.Factory.Services.GetRequiredService<WorkItemService>();
        var updatedAsLoaded = await repository.FindAsync(updated.Id, CancellationToken.None);
        var deletedAsLoaded = await repository.FindAsync(deleted.Id, CancellationToken.None);

        using (var update = await client.PutAsJsonAsync(
            $"/api/items/{updated.Id}", new { title = "Updated by Api", status = "done", version = updated.Version }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        using (var delete = await client.DeleteAsync($"/api/items/{deleted.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        await workItems.CacheAsync(updatedAsLoaded!, waitForReply: true);
        await workItems.CacheAsync(deletedAsLoaded!, waitForReply: true);
        var afterUpdate = await client.GetOkAsync<WorkItemDto>($"/api/items/{updated.Id}");
        using var afterDelete = await client.GetAsync($"/api/items/{deleted.Id}");

        Assert.Equal(("Updated by Api", updated.Version + 1), (afterUpdate.Title, afterUpdate.Version));
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }

    [Fact]
    public async Task Board_read_is_cached()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync("Cached board");
        await client.GetOkAsync<BoardDto>($"/api/boards/{board.Id}");

        Assert.Equal(1, await fixture.ExecuteSqlAsync("UPDATE boards SET name = 'Changed in SQL' WHERE id = $1", board.Id));
        var cached = await client.GetOkAsync<BoardDto>($"/api/boards/{board.Id}");

        Assert.Equal("Cached board", cached.Name);
    }
}

public sealed class StandaloneCacheTests(StandaloneApiFixture fixture) : CacheTests(fixture), IClassFixture<StandaloneApiFixture>;

public sealed class ClusterCacheTests(ClusterApiFixture fixture) : CacheTests(fixture), IClassFixture<ClusterApiFixture>;
