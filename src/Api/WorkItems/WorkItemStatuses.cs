namespace AppDelivery.Aspire.Api.WorkItems;

/// <summary>The values of <c>work_items.status</c> (a CHECK constraint in the schema).</summary>
internal static class WorkItemStatuses
{
    public const string Todo = "todo";
    public const string InProgress = "in-progress";
    public const string Done = "done";

    public static readonly IReadOnlyList<string> All = [Todo, InProgress, Done];

    public static bool IsValid(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);

    public static string InvalidMessage => $"status must be one of: {string.Join(", ", All)}.";
}
