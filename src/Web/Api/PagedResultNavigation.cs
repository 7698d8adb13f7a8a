namespace AppDelivery.Aspire.Web.Api;

/// <summary>What the pages' pagers show for one page of the Api's results.</summary>
public static class PagedResultNavigation
{
    extension<T>(PagedResult<T> page)
    {
        public long PageCount => page.PageSize <= 0 ? 0 : (page.TotalCount + page.PageSize - 1) / page.PageSize;

        public bool HasPreviousPage => page.Page > 1;

        public bool HasNextPage => page.Page < page.PageCount;
    }
}
