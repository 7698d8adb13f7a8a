namespace AppDelivery.Aspire.Web.Api;

/// <summary>The work item statuses the Api accepts, with the labels the pages show.</summary>
public static class WorkItemStatuses
{
    public const string Todo = "todo";
    public const string InProgress = "in-progress";
    public const string Done = "done";

    public static IReadOnlyList<string> All { get; } = [Todo, InProgress, Done];

    public static string Label(string status) => status switch
    {
        Todo => "To do",
        InProgress => "In progress",
        Done => "Done",
        _ => status,
    };
}
