namespace AppDelivery.Aspire;

/// <summary>The values of a work item's status: what the Api accepts, the Web offers and <c>work_items.status</c> allows.</summary>
public static class WorkItemStatuses
{
    public const string Todo = "todo";
    public const string InProgress = "in-progress";
    public const string Done = "done";

    public static IReadOnlyList<string> All { get; } = [Todo, InProgress, Done];

    public static bool IsValid(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);
}
