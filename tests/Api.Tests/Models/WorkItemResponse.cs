namespace AppDelivery.Aspire.Api.Tests.Models;

public sealed record WorkItemResponse(
    Guid Id,
    Guid BoardId,
    string Title,
    string? Description,
    string Status,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
