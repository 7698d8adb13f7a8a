namespace AppDelivery.Aspire;

// The Api's JSON (camelCase on the wire, docs/contract.md): the Api writes these, the Web and the tests read them.
// Request fields are nullable because the Api must accept, and answer 400 for, a body that leaves them out.

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

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount);

public sealed record CreateBoardRequest(string? Name);

public sealed record CreateWorkItemRequest(string? Title, string? Description, string? Status);

/// <summary>A full replacement; <see cref="Version"/> is the version the client last read.</summary>
public sealed record UpdateWorkItemRequest(string? Title, string? Description, string? Status, int? Version);
