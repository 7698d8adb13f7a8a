namespace AppDelivery.Aspire.Api.Caching;

/// <summary>
/// Cache keys and lifetimes. The version prefix lets a deployment that changes a cached shape start cold.
/// Item lists are keyed by a per-board generation counter: a write bumps the counter, so every cached
/// page of that board is bypassed at once without multi-key commands or key scans.
/// </summary>
internal static class CacheKeys
{
    private const string Prefix = "api:v1:";

    public static readonly TimeSpan BoardTimeToLive = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan WorkItemTimeToLive = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan WorkItemListTimeToLive = TimeSpan.FromSeconds(30);

    // Must outlive every list entry cached under a generation, so an expired counter never revives one.
    public static readonly TimeSpan GenerationTimeToLive = TimeSpan.FromDays(1);

    public static string Board(Guid boardId) => $"{Prefix}board:{boardId:N}";

    public static string WorkItem(Guid workItemId) => $"{Prefix}item:{workItemId:N}";

    public static string WorkItemListGeneration(Guid boardId) => $"{Prefix}board:{boardId:N}:items:generation";

    public static string WorkItemList(Guid boardId, long generation, string? status, int page, int pageSize) =>
        $"{Prefix}board:{boardId:N}:items:g{generation}:s{status ?? "*"}:p{page}:n{pageSize}";
}
