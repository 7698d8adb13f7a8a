namespace AppDelivery.Aspire.Api.WorkItems;

internal sealed record CreateWorkItemRequest(string? Title, string? Description, string? Status)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        WorkItemFieldRules.ValidateTitle(Title, errors);
        WorkItemFieldRules.ValidateDescription(Description, errors);
        if (Status is not null)
        {
            WorkItemFieldRules.ValidateStatus(Status, errors);
        }

        return errors;
    }
}
