namespace AppDelivery.Aspire.Web.Api;

public sealed record CreateWorkItemRequest(string? Title, string? Description, string? Status);
