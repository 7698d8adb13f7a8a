namespace AppDelivery.Aspire.Api.WorkItems;

/// <summary>A full replacement; <see cref="Version"/> is the version the client last read.</summary>
internal sealed record UpdateWorkItemRequest(string? Title, string? Description, string? Status, int? Version)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        WorkItemFieldRules.ValidateTitle(Title, errors);
        WorkItemFieldRules.ValidateDescription(Description, errors);
        WorkItemFieldRules.ValidateStatus(Status, errors);
        if (Version is null or < 1)
        {
            errors["version"] = ["version is required and must be at least 1."];
        }

        return errors;
    }
}
