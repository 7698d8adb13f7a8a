using System.Net;
using System.Net.Http.Json;
using AppDelivery.Aspire.Api.Tests.Models;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>Calls of the Api's HTTP contract that tests use to arrange state.</summary>
public static class ApiClientExtensions
{
    public static async Task<BoardResponse> CreateBoardAsync(this HttpClient client, string name = "Board")
    {
        using var response = await client.PostAsJsonAsync("/api/boards", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<BoardResponse>())!;
    }

    public static async Task<WorkItemResponse> CreateWorkItemAsync(
        this HttpClient client, Guid boardId, string title = "Item", string? description = null, string? status = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/boards/{boardId}/items", new { title, description, status });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WorkItemResponse>())!;
    }

    public static async Task<T> GetOkAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
