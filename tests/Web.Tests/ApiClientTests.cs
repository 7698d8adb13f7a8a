using System.Net;
using System.Text.Json;
using AppDelivery.Aspire.Web.Api;
using AppDelivery.Aspire.Web.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppDelivery.Aspire.Web.Tests;

public sealed class ApiClientTests
{
    private static readonly Guid BoardId = Guid.Parse("01937a5e-0000-7000-8000-000000000001");

    private readonly StubApiHandler _api = new();

    [Fact]
    public async Task Reads_a_page_of_boards_asking_for_the_page_and_page_size()
    {
        _api.Respond = _ => ApiResponses.Json(ApiResponses.Page([ApiResponses.Board("Ops")], page: 2, pageSize: 5, totalCount: 6));

        var result = await CreateClient().GetBoardsAsync(2, 5, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("Ops", Assert.Single(result.Value.Items).Name);
        Assert.Equal(2, result.Value.PageCount);
        Assert.False(result.Value.HasNextPage);
        Assert.Equal("/api/boards?page=2&pageSize=5", Assert.Single(_api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Posts_a_new_board_as_camel_case_json()
    {
        _api.Respond = _ => ApiResponses.Json(ApiResponses.Board("Release"), HttpStatusCode.Created);

        var result = await CreateClient().CreateBoardAsync(new CreateBoardRequest("Release"), CancellationToken.None);

        Assert.True(result.Succeeded);
        var request = Assert.Single(_api.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/api/boards", request.PathAndQuery);
        Assert.Equal("Release", JsonDocument.Parse(request.Body!).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Filters_work_items_by_status_in_the_query()
    {
        _api.Respond = _ => ApiResponses.Json(ApiResponses.Page<WorkItemDto>([]));

        await CreateClient().GetWorkItemsAsync(BoardId, WorkItemStatuses.InProgress, 1, 50, CancellationToken.None);

        Assert.Equal(
            $"/api/boards/{BoardId}/items?page=1&pageSize=50&status=in-progress",
            Assert.Single(_api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Puts_the_version_the_caller_saw()
    {
        var itemId = Guid.CreateVersion7();
        _api.Respond = _ => ApiResponses.Json(ApiResponses.Item(BoardId, "Ship", WorkItemStatuses.Done, version: 4, id: itemId));

        var result = await CreateClient().UpdateWorkItemAsync(
            itemId, new UpdateWorkItemRequest("Ship", null, WorkItemStatuses.Done, 3), CancellationToken.None);

        Assert.True(result.Succeeded);
        var request = Assert.Single(_api.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal($"/api/items/{itemId}", request.PathAndQuery);
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Equal(3, body.GetProperty("version").GetInt32());
        Assert.Equal("done", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Maps_a_validation_problem_to_field_errors_keyed_by_the_api_field_name()
    {
        _api.Respond = _ => ApiResponses.ValidationProblem(
            ("title", "Title must be at most 200 characters."),
            ("status", "Status must be todo, in-progress or done."));

        var result = await CreateClient().CreateWorkItemAsync(
            BoardId, new CreateWorkItemRequest(new string('x', 201), null, "late"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ApiErrorKind.Validation, result.Error.Kind);
        Assert.Equal(["Title must be at most 200 characters."], result.Error.FieldErrors["Title"]);
        Assert.Equal(["Status must be todo, in-progress or done."], result.Error.FieldErrors["status"]);
        Assert.Contains("Title must be at most 200 characters.", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maps_a_bad_request_without_field_errors_to_its_detail()
    {
        _api.Respond = _ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"title":"Bad request","detail":"The body is not valid JSON.","status":400}"""),
        };

        var result = await CreateClient().CreateBoardAsync(new CreateBoardRequest("x"), CancellationToken.None);

        Assert.Equal(ApiErrorKind.Validation, result.Error!.Kind);
        Assert.Empty(result.Error.FieldErrors);
        Assert.Equal("The body is not valid JSON.", result.Error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, ApiErrorKind.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ApiErrorKind.Conflict)]
    [InlineData(HttpStatusCode.Unauthorized, ApiErrorKind.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, ApiErrorKind.Unauthorized)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, ApiErrorKind.Validation)]
    [InlineData(HttpStatusCode.InternalServerError, ApiErrorKind.Failed)]
    [InlineData(HttpStatusCode.BadGateway, ApiErrorKind.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ApiErrorKind.Unavailable)]
    public async Task Maps_an_error_status_to_an_error_kind(HttpStatusCode status, ApiErrorKind expected)
    {
        _api.Respond = _ => ApiResponses.Problem(status);

        var result = await CreateClient().GetBoardAsync(BoardId, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
    }

    [Fact]
    public async Task A_conflict_tells_the_user_to_reload()
    {
        _api.Respond = _ => ApiResponses.Problem(HttpStatusCode.Conflict);

        var result = await CreateClient().UpdateWorkItemAsync(
            Guid.CreateVersion7(), new UpdateWorkItemRequest("t", null, WorkItemStatuses.Done, 1), CancellationToken.None);

        Assert.Equal(ApiError.ConflictMessage, result.Error!.Message);
        Assert.Contains("Someone else changed this item", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_names_its_status_code()
    {
        _api.Respond = _ => ApiResponses.Problem(HttpStatusCode.InternalServerError);

        var result = await CreateClient().GetBoardsAsync(1, 20, CancellationToken.None);

        Assert.Contains("HTTP 500", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_is_reported_as_unavailable()
    {
        _api.Respond = _ => throw new HttpRequestException("Connection refused (api.test:80)");

        var result = await CreateClient().GetBoardsAsync(1, 20, CancellationToken.None);

        Assert.Equal(ApiErrorKind.Unavailable, result.Error!.Kind);
        Assert.Equal(ApiError.UnavailableMessage, result.Error.Message);
    }

    [Fact]
    public async Task A_timed_out_request_is_reported_as_unavailable()
    {
        _api.Respond = _ => throw new TaskCanceledException("The request timed out.");

        var result = await CreateClient().GetBoardsAsync(1, 20, CancellationToken.None);

        Assert.Equal(ApiErrorKind.Unavailable, result.Error!.Kind);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_an_error()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => CreateClient().GetBoardsAsync(1, 20, cancellation.Token));
    }

    [Fact]
    public async Task An_unreadable_success_body_is_reported_as_a_failure()
    {
        _api.Respond = _ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>proxy page</html>") };

        var result = await CreateClient().GetBoardsAsync(1, 20, CancellationToken.None);

        Assert.Equal(ApiErrorKind.Failed, result.Error!.Kind);
    }

    [Fact]
    public async Task Sends_the_api_key_header_when_one_is_configured()
    {
        _api.Respond = _ => ApiResponses.Json(ApiResponses.Board("b"), HttpStatusCode.Created);

        await CreateClient(apiKey: "test-key-1").CreateBoardAsync(new CreateBoardRequest("b"), CancellationToken.None);

        Assert.Equal("test-key-1", Assert.Single(_api.Requests).ApiKey);
    }

    [Fact]
    public async Task Sends_no_api_key_header_when_none_is_configured()
    {
        _api.Respond = _ => ApiResponses.Json(ApiResponses.Board("b"), HttpStatusCode.Created);

        await CreateClient(apiKey: null).CreateBoardAsync(new CreateBoardRequest("b"), CancellationToken.None);

        Assert.Null(Assert.Single(_api.Requests).ApiKey);
    }

    private ApiClient CreateClient(string? apiKey = null)
    {
        var settings = new Dictionary<string, string?>();
        if (apiKey is not null)
        {
            settings[ConfigurationKeys.ApiKey] = apiKey;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var httpClient = new HttpClient(new ApiKeyHandler(configuration) { InnerHandler = _api })
        {
            BaseAddress = new Uri("http://api.test/"),
        };
        return new ApiClient(httpClient, NullLogger<ApiClient>.Instance);
    }
}
