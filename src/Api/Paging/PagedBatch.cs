using Npgsql;

namespace AppDelivery.Aspire.Api.Paging;

/// <summary>One round trip for a page: a <c>count(*)</c> command, then the page's <c>LIMIT/OFFSET</c> command.</summary>
internal static class PagedBatch
{
    public static NpgsqlBatchCommand WithPage(this NpgsqlBatchCommand listCommand, PageRequest page)
    {
        listCommand.Parameters.Add(new NpgsqlParameter<int> { TypedValue = page.PageSize });
        listCommand.Parameters.Add(new NpgsqlParameter<int> { TypedValue = page.Offset });
        return listCommand;
    }

    public static async Task<PagedResult<T>> ReadPageAsync<T>(
        this NpgsqlBatch batch, PageRequest page, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var totalCount = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(read(reader));
        }

        return new PagedResult<T>(items, page.Page, page.PageSize, totalCount);
    }
}
