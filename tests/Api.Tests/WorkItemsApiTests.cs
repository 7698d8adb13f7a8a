using System.Net;
using System.Net.Http.Json;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class WorkItemsApiTests(StandaloneApiFixture fixture) : IClassFixture<StandaloneApiFixture>
{
    [Fact]
    public async Task Create_then_get_returns_the_item_with_defaults()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();

        using var created = await client.PostAsJsonAsync($"/api/boards/{board.Id}/items", new { title = "Write docs" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var item = await created.Content.ReadFromJsonAsync<WorkItemDto>();
        Assert.NotNull(item);
        Assert.Equal($"/api/items/{item.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal((board.Id, "Write docs", (string?)null, "todo", 1), (item.BoardId, item.Title, item.Description, item.Status, item.Version));

        Assert.Equal(item, await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}"));
    }

    [Fact]
    public async Task Create_keeps_description_and_status()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();

        var item = await client.CreateWorkItemAsync(board.Id, "Ship", "Tag and push", "in-progress");

        var fetched = await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");
        Assert.Equal(("Tag and push", "in-progress"), (fetched.Description, fetched.Status));
    }

    [Fact]
    public async Task Update_replaces_the_fields_and_bumps_the_version()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var item = await client.CreateWorkItemAsync(board.Id, "Draft", "first");

        using var response = await client.PutAsJsonAsync(
            $"/api/items/{item.Id}", new { title = "Final", description = (string?)null, status = "done", version = item.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.Content.ReadFromJsonAsync<WorkItemDto>();
        Assert.NotNull(updated);
        Assert.Equal(("Final", (string?)null, "done", 2), (updated.Title, updated.Description, updated.Status, updated.Version));
        Assert.True(updated.UpdatedAt >= item.UpdatedAt);
        Assert.Equal(item.CreatedAt, updated.CreatedAt);
        Assert.Equal(updated, await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}"));
    }

    [Fact]
    public async Task Update_with_a_stale_version_returns_409_and_changes_nothing()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var item = await client.CreateWorkItemAsync(board.Id, "Original");
        using (var first = await client.PutAsJsonAsync(
            $"/api/items/{item.Id}", new { title = "First writer", status = "todo", version = item.Version }))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var stale = await client.PutAsJsonAsync(
            $"/api/items/{item.Id}", new { title = "Second writer", status = "todo", version = item.Version });

        var problem = await ProblemAssertions.AssertProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal("2", problem.Extensions["currentVersion"]?.ToString());
        var current = await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");
        Assert.Equal(("First writer", 2), (current.Title, current.Version));
    }

    [Fact]
    public async Task Delete_removes_the_item_once()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var item = await client.CreateWorkItemAsync(board.Id);

        using var deleted = await client.DeleteAsync($"/api/items/{item.Id}");
        using var deletedAgain = await client.DeleteAsync($"/api/items/{item.Id}");
        using var fetched = await client.GetAsync($"/api/items/{item.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAssertions.AssertProblemAsync(deletedAgain, HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(fetched, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/api/items/{id}")]
    [InlineData("PUT", "/api/items/{id}")]
    [InlineData("DELETE", "/api/items/{id}")]
    [InlineData("GET", "/api/boards/{id}/items")]
    [InlineData("POST", "/api/boards/{id}/items")]
    public async Task Unknown_ids_return_404(string method, string pathTemplate)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), pathTemplate.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        if (method is "PUT" or "POST")
        {
            request.Content = JsonContent.Create(new { title = "Valid", status = "todo", version = 1 });
        }

        using var response = await client.SendAsync(request);

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Items_are_paged_and_filtered_by_status()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var otherBoard = await client.CreateBoardAsync();
        await client.CreateWorkItemAsync(otherBoard.Id, "Elsewhere", status: "done");
        var created = new List<WorkItemDto>();
        foreach (var status in new[] { "todo", "done", "todo", "done", "done" })
        {
            created.Add(await client.CreateWorkItemAsync(board.Id, $"Item {created.Count}", status: status));
        }

        var all = await client.GetOkAsync<PagedResult<WorkItemDto>>($"/api/boards/{board.Id}/items");
        var done = await client.GetOkAsync<PagedResult<WorkItemDto>>($"/api/boards/{board.Id}/items?status=done&pageSize=2");
        var doneSecondPage = await client.GetOkAsync<PagedResult<WorkItemDto>>($"/api/boards/{board.Id}/items?status=done&page=2&pageSize=2");
        var inProgress = await client.GetOkAsync<PagedResult<WorkItemDto>>($"/api/boards/{board.Id}/items?status=in-progress");

        Assert.Equal(created.Select(item => item.Id), all.Items.Select(item => item.Id));
        Assert.Equal((1, 20, 5L), (all.Page, all.PageSize, all.TotalCount));
        var expectedDone = created.Where(item => item.Status == "done").Select(item => item.Id).ToList();
        Assert.Equal(expectedDone.Take(2), done.Items.Select(item => item.Id));
        Assert.Equal(3, done.TotalCount);
        Assert.Equal(expectedDone.Skip(2), doneSecondPage.Items.Select(item => item.Id));
        Assert.Equal((2, 2, 3L), (doneSecondPage.Page, doneSecondPage.PageSize, doneSecondPage.TotalCount));
        Assert.Empty(inProgress.Items);
        Assert.Equal(0, inProgress.TotalCount);
    }
}
