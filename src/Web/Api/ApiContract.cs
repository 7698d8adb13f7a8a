namespace AppDelivery.Aspire.Web.Api;

// The Api's JSON, as the Web reads and writes it (docs/contract.md).

public sealed record BoardDto(Guid Id, string Name, DateTimeOffset CreatedAt, int Version);

public sealed record WorkItemDto(
    Guid Id,
    Guid BoardId,
    string Title,
    string? Description,
    string Status,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record CreateBoardRequest(string? Name);

public sealed record CreateWorkItemRequest(string? Title, string? Description, string? Status);

public sealed record UpdateWorkItemRequest(string Title, string? Description, string Status, int Version);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount)
{
    public long PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPreviousPage => Page > 1;

    public bool HasNextPage => Page < PageCount;
}
