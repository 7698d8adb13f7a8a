namespace AppDelivery.Aspire.Api.Boards;

internal sealed record CreateBoardRequest(string? Name)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["name is required."];
        }
        else if (Name.Length > FieldLimits.BoardName)
        {
            errors["name"] = [$"name must be at most {FieldLimits.BoardName} characters."];
        }

        return errors;
    }
}
