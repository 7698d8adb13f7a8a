namespace AppDelivery.Aspire.Api.Paging;

/// <summary>A validated page position; <see cref="Offset"/> is what SQL skips.</summary>
internal readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    // Keeps OFFSET (page * pageSize) well inside int range.
    private const int MaxPage = 1_000_000;

    public int Offset => (Page - 1) * PageSize;

    public static PageRequest FromQuery(int? page, int? pageSize, IDictionary<string, string[]> errors)
    {
        var pageValue = page ?? 1;
        var pageSizeValue = pageSize ?? DefaultPageSize;
        if (pageValue is < 1 or > MaxPage)
        {
            errors["page"] = [$"page must be between 1 and {MaxPage}."];
        }

        if (pageSizeValue is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }

        return new PageRequest(pageValue, pageSizeValue);
    }
}
