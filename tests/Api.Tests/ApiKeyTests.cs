using System.Net;
using System.Net.Http.Json;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class ApiKeyTests(StandaloneApiFixture fixture) : IClassFixture<StandaloneApiFixture>
{
    public static TheoryData<string, string, string?> Writes => new()
    {
        { "POST", "/api/boards", """{"name":"b"}""" },
        { "POST", "/api/boards/{board}/items", """{"title":"t"}""" },
        { "PUT", "/api/items/{item}", """{"title":"t","status":"done","version":1}""" },
        { "DELETE", "/api/items/{item}", null },
        // Refused before the body is read: an unauthenticated caller learns nothing from validation.
        { "POST", "/api/boards", "{ not json" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_without_the_key_returns_401_problem_and_changes_nothing(string method, string pathTemplate, string? json)
    {
        var (path, item) = await ArrangeAsync(pathTemplate);
        using var anonymous = fixture.CreateClient(withApiKey: false);

        using var response = await anonymous.SendAsync(CreateRequest(method, path, json));

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        await AssertItemUnchangedAsync(item);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Write_with_a_wrong_key_returns_401_problem(string method, string pathTemplate, string? json)
    {
        var (path, _) = await ArrangeAsync(pathTemplate);
        using var wrongKey = fixture.CreateClient(withApiKey: false);
        wrongKey.DefaultRequestHeaders.Add(ConfigurationKeys.ApiKeyHeader, fixture.ApiKey[..^1] + "x");

        using var response = await wrongKey.SendAsync(CreateRequest(method, path, json));

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Write_with_the_key_succeeds()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/boards", new { name = "Authorised" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Reads_need_no_key()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var item = await client.CreateWorkItemAsync(board.Id);
        using var anonymous = fixture.CreateClient(withApiKey: false);

        await anonymous.GetOkAsync<BoardDto>($"/api/boards/{board.Id}");
        await anonymous.GetOkAsync<PagedResult<BoardDto>>("/api/boards");
        await anonymous.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");
        await anonymous.GetOkAsync<PagedResult<WorkItemDto>>($"/api/boards/{board.Id}/items");
    }

    private async Task<(string Path, WorkItemDto Item)> ArrangeAsync(string pathTemplate)
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var item = await client.CreateWorkItemAsync(board.Id, "Untouched");
        var path = pathTemplate
            .Replace("{board}", board.Id.ToString(), StringComparison.Ordinal)
            .Replace("{item}", item.Id.ToString(), StringComparison.Ordinal);
        return (path, item);
    }

    private async Task AssertItemUnchangedAsync(WorkItemDto item)
    {
        using var client = fixture.CreateClient();
        Assert.Equal(item, await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}"));
    }

    private static HttpRequestMessage CreateRequest(string method, string path, string? json) =>
        new(new HttpMethod(method), path)
        {
            Content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
        };
}
