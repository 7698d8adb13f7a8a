namespace AppDelivery.Aspire.Api.WorkItems;

/// <summary>Field rules shared by create and update (<see cref="FieldLimits"/>, <see cref="WorkItemStatuses"/>).</summary>
internal static class WorkItemFieldRules
{
    public static void ValidateTitle(string? title, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = ["title is required."];
        }
        else if (title.Length > FieldLimits.WorkItemTitle)
        {
            errors["title"] = [$"title must be at most {FieldLimits.WorkItemTitle} characters."];
        }
    }

    public static void ValidateDescription(string? description, Dictionary<string, string[]> errors)
    {
        if (description is { Length: > FieldLimits.WorkItemDescription })
        {
            errors["description"] = [$"description must be at most {FieldLimits.WorkItemDescription} characters."];
        }
    }

    public static void ValidateStatus(string? status, Dictionary<string, string[]> errors)
    {
        if (!WorkItemStatuses.IsValid(status))
        {
            errors["status"] = [$"status must be one of: {string.Join(", ", WorkItemStatuses.All)}."];
        }
    }
}
