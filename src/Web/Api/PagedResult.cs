namespace AppDelivery.Aspire.Web.Api;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalCount)
{
    public long PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public bool HasPreviousPage => Page > 1;

    public bool HasNextPage => Page < PageCount;
}
