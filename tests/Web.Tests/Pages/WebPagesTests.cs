using System.Net;
using System.Text.Json;
using AppDelivery.Aspire.Web.Api;
using AppDelivery.Aspire.Web.Tests.Fakes;
using AppDelivery.Aspire.Web.Tests.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AppDelivery.Aspire.Web.Tests.Pages;

/// <summary>The pages against a fake Api: what the user sees for each answer the Api can give.</summary>
public sealed class WebPagesTests(ValkeyFixture valkey) : IClassFixture<ValkeyFixture>, IDisposable
{
    private static readonly Guid BoardId = Guid.Parse("01937a5e-0000-7000-8000-0000000000b1");

    private readonly FakeApiWebFactory _web = new(valkey.ConnectionString);

    private StubApiHandler Api => _web.Api;

    public void Dispose() => _web.Dispose();

    [Fact]
    public async Task The_boards_page_lists_boards_with_links_to_them_and_to_the_other_pages()
    {
        var ops = ApiResponses.Board("Ops", BoardId);
        Api.Respond = _ => ApiResponses.Json(ApiResponses.Page([ops, ApiResponses.Board("Release")], page: 2, pageSize: 20, totalCount: 45));

        var response = await CreateClient().GetAsync(new Uri("/?pageNumber=2", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/api/boards?page=2&pageSize=20", Assert.Single(Api.Requests).PathAndQuery);
        Assert.Contains($"href=\"/boards/{BoardId}\">Ops</a>", html, StringComparison.Ordinal);
        Assert.Contains("Release", html, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 3", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?pageNumber=1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/?pageNumber=3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_board_opens_its_page()
    {
        var client = CreateClient();
        Api.Respond = request => request.Method == HttpMethod.Post
            ? ApiResponses.Json(ApiResponses.Board("Launch", BoardId), HttpStatusCode.Created)
            : ApiResponses.Json(ApiResponses.Page<BoardDto>([]));
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        var response = await client.PostAsync(new Uri("/", UriKind.Relative), HtmlForms.Form(token, ("NewBoard.Name", "Launch")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/boards/{BoardId}", response.Headers.Location?.OriginalString);
        var post = Assert.Single(Api.Requests, request => request.Method == HttpMethod.Post);
        Assert.Equal("Launch", JsonDocument.Parse(post.Body!).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_board_name_the_api_rejects_is_shown_next_to_the_name_field()
    {
        var client = CreateClient();
        Api.Respond = request => request.Method == HttpMethod.Post
            ? ApiResponses.ValidationProblem(("name", "Name must not be empty."))
            : ApiResponses.Json(ApiResponses.Page<BoardDto>([]));
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync(new Uri("/", UriKind.Relative)));

        var response = await client.PostAsync(new Uri("/", UriKind.Relative), HtmlForms.Form(token, ("NewBoard.Name", "   ")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Name must not be empty.", HtmlForms.ValidationMessage(html, "new-board-name-error"));
    }

    [Fact]
    public async Task The_board_page_lists_the_items_with_the_chosen_status()
    {
        Api.Respond = request => request.RequestUri!.AbsolutePath.EndsWith("/items", StringComparison.Ordinal)
            ? ApiResponses.Json(ApiResponses.Page([ApiResponses.Item(BoardId, "Write release notes", WorkItemStatuses.Done)]))
            : ApiResponses.Json(ApiResponses.Board("Ops", BoardId));

        var response = await CreateClient().GetAsync(new Uri($"/boards/{BoardId}?status=done", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Api.Requests, request => request.PathAndQuery == $"/api/boards/{BoardId}/items?page=1&pageSize=50&status=done");
        Assert.Contains("<h1>Ops</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Write release notes</td>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"done\" selected=\"selected\">Done</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_title_the_api_rejects_is_shown_next_to_the_title_field_and_kept()
    {
        var client = CreateClient();
        var tooLong = new string('x', 201);
        Api.Respond = request => request.Method == HttpMethod.Post
            ? ApiResponses.ValidationProblem(("title", "Title must be 1 to 200 characters."))
            : BoardOrEmptyItems(request);
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync(new Uri($"/boards/{BoardId}", UriKind.Relative)));

        var response = await client.PostAsync(
            new Uri($"/boards/{BoardId}?handler=CreateItem", UriKind.Relative),
            HtmlForms.Form(token, ("NewItem.Title", tooLong), ("NewItem.Description", ""), ("NewItem.Status", "todo")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Title must be 1 to 200 characters.", HtmlForms.ValidationMessage(html, "new-item-title-error"));
        Assert.Null(HtmlForms.ValidationMessage(html, "new-item-description-error"));
        Assert.Contains($"value=\"{tooLong}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_change_on_a_stale_version_says_someone_else_changed_the_item()
    {
        var client = CreateClient();
        var itemId = Guid.CreateVersion7();
        Api.Respond = request => (request.Method.Method, request.RequestUri!.AbsolutePath) switch
        {
            ("PUT", _) => ApiResponses.Problem(HttpStatusCode.Conflict),
            ("GET", var path) when path == $"/api/items/{itemId}" =>
                ApiResponses.Json(ApiResponses.Item(BoardId, "Deploy", WorkItemStatuses.InProgress, version: 2, id: itemId)),
            _ => BoardOrEmptyItems(request),
        };
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync(new Uri($"/boards/{BoardId}", UriKind.Relative)));

        var response = await client.PostAsync(
            new Uri($"/boards/{BoardId}?handler=ChangeStatus", UriKind.Relative),
            HtmlForms.Form(token, ("itemId", itemId.ToString()), ("version", "1"), ("newStatus", "done")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this item", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/boards/{BoardId}\">Reload this page</a>", html, StringComparison.Ordinal);
        var put = Assert.Single(Api.Requests, request => request.Method == HttpMethod.Put);
        var body = JsonDocument.Parse(put.Body!).RootElement;
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal("Deploy", body.GetProperty("title").GetString());
        Assert.Equal("done", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_status_change_redirects_back_to_the_board_with_its_filter()
    {
        var client = CreateClient();
        var itemId = Guid.CreateVersion7();
        Api.Respond = request => (request.Method.Method, request.RequestUri!.AbsolutePath) switch
        {
            ("PUT", _) => ApiResponses.Json(ApiResponses.Item(BoardId, "Deploy", WorkItemStatuses.Done, version: 2, id: itemId)),
            ("GET", var path) when path == $"/api/items/{itemId}" => ApiResponses.Json(ApiResponses.Item(BoardId, "Deploy", id: itemId)),
            _ => BoardOrEmptyItems(request),
        };
        var token = HtmlForms.AntiforgeryToken(await client.GetStringAsync(new Uri($"/boards/{BoardId}?status=todo", UriKind.Relative)));

        var response = await client.PostAsync(
            new Uri($"/boards/{BoardId}?status=todo&handler=ChangeStatus", UriKind.Relative),
            HtmlForms.Form(token, ("itemId", itemId.ToString()), ("version", "1"), ("newStatus", "done")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/boards/{BoardId}?status=todo", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_unknown_board_shows_not_found()
    {
        Api.Respond = _ => ApiResponses.Problem(HttpStatusCode.NotFound);

        var response = await CreateClient().GetAsync(new Uri($"/boards/{BoardId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This board does not exist.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/boards/01937a5e-0000-7000-8000-0000000000b1")]
    public async Task An_unreachable_api_shows_a_friendly_message(string path)
    {
        Api.Respond = _ => throw new HttpRequestException("Connection refused (api.test:80)");

        var response = await CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(ApiError.UnavailableMessage, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Connection refused", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_api_shows_a_friendly_message()
    {
        Api.Respond = _ => ApiResponses.Problem(HttpStatusCode.InternalServerError);

        var response = await CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("The board service failed (HTTP 500).", html, StringComparison.Ordinal);
        Assert.Contains("New board", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_and_readiness_endpoints_answer()
    {
        Api.Respond = _ => new HttpResponseMessage(HttpStatusCode.OK);
        var client = CreateClient();

        var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative));
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
    }

    private HttpClient CreateClient() =>
        _web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static HttpResponseMessage BoardOrEmptyItems(HttpRequestMessage request) =>
        request.RequestUri!.AbsolutePath.EndsWith("/items", StringComparison.Ordinal)
            ? ApiResponses.Json(ApiResponses.Page<WorkItemDto>([]))
            : ApiResponses.Json(ApiResponses.Board("Ops", BoardId));
}
