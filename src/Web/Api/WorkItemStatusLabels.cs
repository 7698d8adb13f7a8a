namespace AppDelivery.Aspire.Web.Api;

/// <summary>How the pages name each of <see cref="WorkItemStatuses.All"/>.</summary>
public static class WorkItemStatusLabels
{
    public static string Of(string status) => status switch
    {
        WorkItemStatuses.Todo => "To do",
        WorkItemStatuses.InProgress => "In progress",
        WorkItemStatuses.Done => "Done",
        _ => status,
    };
}
