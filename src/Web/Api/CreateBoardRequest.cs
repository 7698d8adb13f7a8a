namespace AppDelivery.Aspire.Web.Api;

public sealed record CreateBoardRequest(string? Name);
