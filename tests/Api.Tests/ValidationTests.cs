using System.Net;
using System.Net.Http.Json;
using System.Text;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class ValidationTests(StandaloneApiFixture fixture) : IClassFixture<StandaloneApiFixture>
{
    private const string CreateBoard = "POST /api/boards";
    private const string CreateItem = "POST /api/boards/{board}/items";
    private const string UpdateItem = "PUT /api/items/{item}";

    private static readonly string TooLongName = new('n', 101);
    private static readonly string TooLongTitle = new('t', 201);
    private static readonly string TooLongDescription = new('d', 2001);

    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { CreateBoard, """{}""", "name" },
        { CreateBoard, """{"name":""}""", "name" },
        { CreateBoard, """{"name":"   "}""", "name" },
        { CreateBoard, $$"""{"name":"{{TooLongName}}"}""", "name" },
        { CreateItem, """{}""", "title" },
        { CreateItem, """{"title":""}""", "title" },
        { CreateItem, $$"""{"title":"{{TooLongTitle}}"}""", "title" },
        { CreateItem, $$"""{"title":"ok","description":"{{TooLongDescription}}"}""", "description" },
        { CreateItem, """{"title":"ok","status":"blocked"}""", "status" },
        { CreateItem, """{"title":"ok","status":"TODO"}""", "status" },
        { UpdateItem, """{"status":"todo","version":1}""", "title" },
        { UpdateItem, $$"""{"title":"{{TooLongTitle}}","status":"todo","version":1}""", "title" },
        { UpdateItem, $$"""{"title":"ok","description":"{{TooLongDescription}}","status":"todo","version":1}""", "description" },
        { UpdateItem, """{"title":"ok","version":1}""", "status" },
        { UpdateItem, """{"title":"ok","status":"archived","version":1}""", "status" },
        { UpdateItem, """{"title":"ok","status":"todo"}""", "version" },
        { UpdateItem, """{"title":"ok","status":"todo","version":0}""", "version" },
    };

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { CreateBoard, """{"name":""" },
        { CreateBoard, "not json" },
        { CreateBoard, "" },
        { CreateBoard, "null" },
        { CreateBoard, """{"name":42}""" },
        { CreateBoard, """["name"]""" },
        { CreateItem, """{"title":{"nested":true}}""" },
        { UpdateItem, """{"title":"ok","status":"todo","version":"abc"}""" },
        { UpdateItem, """{"title":"ok","status":"todo","version":1.5}""" },
    };

    public static TheoryData<string, string> InvalidQueries => new()
    {
        { "/api/boards?page=0", "page" },
        { "/api/boards?page=-1", "page" },
        { "/api/boards?page=abc", "page" },
        { "/api/boards?pageSize=0", "pageSize" },
        { "/api/boards?pageSize=101", "pageSize" },
        { "/api/boards?pageSize=ten", "pageSize" },
        { "/api/boards/{board}/items?status=blocked", "status" },
        { "/api/boards/{board}/items?page=0", "page" },
        { "/api/boards/{board}/items?pageSize=1000", "pageSize" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Invalid_field_returns_400_naming_the_field(string endpoint, string json, string field)
    {
        using var client = fixture.CreateClient();

        using var response = await SendJsonAsync(client, endpoint, json);

        await ProblemAssertions.AssertValidationProblemAsync(response, field);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_or_mistyped_json_returns_400_naming_the_body(string endpoint, string json)
    {
        using var client = fixture.CreateClient();

        using var response = await SendJsonAsync(client, endpoint, json);

        await ProblemAssertions.AssertValidationProblemAsync(response, "body");
    }

    [Theory]
    [MemberData(nameof(InvalidQueries))]
    public async Task Invalid_query_value_returns_400_naming_the_parameter(string pathTemplate, string field)
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();

        using var response = await client.GetAsync(pathTemplate.Replace("{board}", board.Id.ToString(), StringComparison.Ordinal));

        await ProblemAssertions.AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task Valid_request_at_the_field_limits_is_accepted()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/boards", new { name = new string('n', 100) });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Body_over_64_KiB_returns_413_problem()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();

        using var response = await client.PostAsJsonAsync(
            $"/api/boards/{board.Id}/items", new { title = "big", description = new string('x', (64 * 1024) + 1) });

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private static async Task<HttpResponseMessage> SendJsonAsync(HttpClient client, string endpoint, string json)
    {
        var parts = endpoint.Split(' ');
        var path = parts[1];
        if (path.Contains("{board}", StringComparison.Ordinal))
        {
            path = path.Replace("{board}", (await client.CreateBoardAsync()).Id.ToString(), StringComparison.Ordinal);
        }

        if (path.Contains("{item}", StringComparison.Ordinal))
        {
            var item = await client.CreateWorkItemAsync((await client.CreateBoardAsync()).Id);
            path = path.Replace("{item}", item.Id.ToString(), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await client.SendAsync(request);
    }
}
