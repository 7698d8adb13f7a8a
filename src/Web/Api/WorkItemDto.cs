namespace AppDelivery.Aspire.Web.Api;

public sealed record WorkItemDto(
    Guid Id,
    Guid BoardId,
    string Title,
    string? Description,
    string Status,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
