namespace AppDelivery.Aspire.Api.WorkItems;

/// <summary>Field rules shared by create and update, matching the column limits in docs/contract.md.</summary>
internal static class WorkItemFieldRules
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    public static void ValidateTitle(string? title, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = ["title is required."];
        }
        else if (title.Length > MaxTitleLength)
        {
            errors["title"] = [$"title must be at most {MaxTitleLength} characters."];
        }
    }

    public static void ValidateDescription(string? description, Dictionary<string, string[]> errors)
    {
        if (description is { Length: > MaxDescriptionLength })
        {
            errors["description"] = [$"description must be at most {MaxDescriptionLength} characters."];
        }
    }

    public static void ValidateStatus(string? status, Dictionary<string, string[]> errors)
    {
        if (!WorkItemStatuses.IsValid(status))
        {
            errors["status"] = [WorkItemStatuses.InvalidMessage];
        }
    }
}
