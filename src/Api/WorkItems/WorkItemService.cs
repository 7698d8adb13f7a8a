#if (noCache)
using System.Text.Json;
#endif
using AppDelivery.Aspire.Api.Boards;
//#if (cache)
using AppDelivery.Aspire.Api.Caching;
//#endif
using AppDelivery.Aspire.Api.Paging;

namespace AppDelivery.Aspire.Api.WorkItems;

//#if (cache)
/// <summary>
/// Work items with cache-aside reads. Every write goes to PostgreSQL first, then caches the item's new version
/// (or a tombstone) and bumps its board's list generation, so no cached read outlives a write through the Api.
/// An item is cached only over an older version: a read that loaded the row before a write cannot put it back.
/// </summary>
internal sealed class WorkItemService(WorkItemRepository repository, BoardService boards, ResilientCache cache)
//#endif
#if (noCache)
/// <summary>Work items, read from and written to PostgreSQL.</summary>
internal sealed class WorkItemService(WorkItemRepository repository, BoardService boards)
#endif
{
    public async Task<WorkItemDto?> CreateAsync(Guid boardId, CreateWorkItemRequest request, CancellationToken cancellationToken)
    {
        var item = await repository.CreateAsync(
            boardId, request.Title!, request.Description, request.Status ?? WorkItemStatuses.Todo, cancellationToken);
//#if (cache)
        if (item is not null)
        {
            await InvalidateListsAsync(boardId);
        }

//#endif
        return item;
    }

//#if (cache)
    /// <summary>The item as JSON (a cache hit is returned as stored, not deserialized), or null when it does not exist.</summary>
    public async Task<byte[]?> FindJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = CacheKeys.WorkItem(id);
        if (await cache.GetVersionedJsonAsync(key) is { } cached)
        {
            return cached;
        }

        if (await repository.FindAsync(id, cancellationToken) is not { } item)
        {
            return null;
        }

        return await CacheAsync(item, waitForReply: false);
    }
//#endif
#if (noCache)
    /// <summary>The item as JSON, or null when it does not exist.</summary>
    public async Task<byte[]?> FindJsonAsync(Guid id, CancellationToken cancellationToken) =>
        await repository.FindAsync(id, cancellationToken) is { } item
            ? JsonSerializer.SerializeToUtf8Bytes(item, JsonSerializerOptions.Web)
            : null;
#endif
//#if (cache)

    /// <summary>Caches <paramref name="item"/> unless the cache already holds that version or a newer one; returns its JSON.</summary>
    internal async Task<byte[]> CacheAsync(WorkItemDto item, bool waitForReply)
    {
        var json = ResilientCache.SerializeToJson(item);
        await cache.SetVersionedJsonAsync(CacheKeys.WorkItem(item.Id), json, item.Version, CacheKeys.WorkItemTimeToLive, waitForReply);
        return json;
    }
//#endif

    /// <summary>Lists a board's items, or returns null when the board does not exist.</summary>
    public async Task<PagedResult<WorkItemDto>?> ListAsync(
        Guid boardId, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        if (await boards.FindAsync(boardId, cancellationToken) is null)
        {
            return null;
        }

//#if (cache)
        // The generation is read before PostgreSQL: a write racing this read bumps it, so a stale page
        // is stored under a generation no later reader uses.
        var generation = await cache.GetCounterAsync(CacheKeys.WorkItemListGeneration(boardId));
        var key = CacheKeys.WorkItemList(boardId, generation, status, page.Page, page.PageSize);
        var cached = await cache.GetAsync<PagedResult<WorkItemDto>>(key);
        if (cached is not null)
        {
            return cached;
        }

        var items = await repository.ListAsync(boardId, status, page, cancellationToken);
        await cache.SetAsync(key, items, CacheKeys.WorkItemListTimeToLive);
        return items;
//#endif
#if (noCache)
        return await repository.ListAsync(boardId, status, page, cancellationToken);
#endif
    }

//#if (cache)
    public async Task<WorkItemUpdateResult> UpdateAsync(Guid id, UpdateWorkItemRequest request, CancellationToken cancellationToken)
    {
        var result = await repository.UpdateAsync(
            id, request.Title!, request.Description, request.Status!, request.Version!.Value, cancellationToken);
        if (result.Updated is { } updated)
        {
            await CacheAsync(updated, waitForReply: true);
            await InvalidateListsAsync(updated.BoardId);
        }

        return result;
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var boardId = await repository.DeleteAsync(id, cancellationToken);
        if (boardId is null)
        {
            return false;
        }

        await cache.SetTombstoneAsync(CacheKeys.WorkItem(id), CacheKeys.WorkItemTimeToLive);
        await InvalidateListsAsync(boardId.Value);
        return true;
    }

    private Task InvalidateListsAsync(Guid boardId) =>
        cache.IncrementCounterAsync(CacheKeys.WorkItemListGeneration(boardId), CacheKeys.GenerationTimeToLive);
//#endif
#if (noCache)
    public Task<WorkItemUpdateResult> UpdateAsync(Guid id, UpdateWorkItemRequest request, CancellationToken cancellationToken) =>
        repository.UpdateAsync(id, request.Title!, request.Description, request.Status!, request.Version!.Value, cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await repository.DeleteAsync(id, cancellationToken) is not null;
#endif
}
