namespace AppDelivery.Aspire.Api.Tests.Models;

public sealed record BoardResponse(Guid Id, string Name, DateTimeOffset CreatedAt, int Version);
