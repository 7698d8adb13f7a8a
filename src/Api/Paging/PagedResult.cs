namespace AppDelivery.Aspire.Api.Paging;

internal sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount);
