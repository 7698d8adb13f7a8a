using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AppDelivery.Aspire.Web.Api;

namespace AppDelivery.Aspire.Web.Tests.Fakes;

/// <summary>Responses shaped as docs/contract.md describes them.</summary>
public static class ApiResponses
{
    private static readonly JsonSerializerOptions ContractJson = new(JsonSerializerDefaults.Web);

    public static HttpResponseMessage Json<T>(T body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = JsonContent.Create(body, options: ContractJson) };

    public static HttpResponseMessage Problem(HttpStatusCode status) =>
        new(status)
        {
            Content = JsonContent.Create(
                new { type = "about:blank", title = status.ToString(), status = (int)status },
                mediaType: new("application/problem+json"),
                options: ContractJson),
        };

    public static HttpResponseMessage ValidationProblem(params (string Field, string Message)[] errors) =>
        new(HttpStatusCode.BadRequest)
        {
            Content = JsonContent.Create(
                new
                {
                    type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    title = "One or more validation errors occurred.",
                    status = 400,
                    errors = errors.GroupBy(error => error.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                },
                mediaType: new("application/problem+json"),
                options: ContractJson),
        };

    public static BoardDto Board(string name, Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(), name, new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), 1);

    public static WorkItemDto Item(Guid boardId, string title, string status = WorkItemStatuses.Todo, int version = 1, Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(), boardId, title, null, status, version,
            new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    public static PagedResult<T> Page<T>(IReadOnlyList<T> items, int page = 1, int pageSize = 20, int? totalCount = null) =>
        new(items, page, pageSize, totalCount ?? items.Count);
}
