namespace AppDelivery.Aspire.Api.Tests.Models;

public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount);
