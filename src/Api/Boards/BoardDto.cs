namespace AppDelivery.Aspire.Api.Boards;

internal sealed record BoardDto(Guid Id, string Name, DateTimeOffset CreatedAt, int Version);
