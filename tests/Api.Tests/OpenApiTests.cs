using System.Net;
using System.Text.Json;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class OpenApiTests(StandaloneApiFixture fixture) : IClassFixture<StandaloneApiFixture>
{
    [Fact]
    public async Task Document_lists_every_api_path_and_operation()
    {
        using var client = fixture.CreateClient(withApiKey: false);

        using var response = await client.GetAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "DELETE /api/items/{id}",
                "GET /api/boards",
                "GET /api/boards/{boardId}/items",
                "GET /api/boards/{id}",
                "GET /api/items/{id}",
                "POST /api/boards",
                "POST /api/boards/{boardId}/items",
                "PUT /api/items/{id}",
            ],
            operations);
    }
}
