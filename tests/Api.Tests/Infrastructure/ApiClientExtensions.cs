using System.Net;
using System.Net.Http.Json;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>Calls of the Api's HTTP contract that tests use to arrange state.</summary>
public static class ApiClientExtensions
{
    public static async Task<BoardDto> CreateBoardAsync(this HttpClient client, string name = "Board")
    {
        using var response = await client.PostAsJsonAsync("/api/boards", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BoardDto>())!;
    }

    public static async Task<WorkItemDto> CreateWorkItemAsync(
        this HttpClient client, Guid boardId, string title = "Item", string? description = null, string? status = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/boards/{boardId}/items", new { title, description, status });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WorkItemDto>())!;
    }

    public static async Task<T> GetOkAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
