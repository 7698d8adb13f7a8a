namespace AppDelivery.Aspire.Web.Api;

public sealed record BoardDto(Guid Id, string Name, DateTimeOffset CreatedAt, int Version);
