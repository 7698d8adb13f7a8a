namespace AppDelivery.Aspire.Web.Api;

public sealed record UpdateWorkItemRequest(string Title, string? Description, string Status, int Version);
