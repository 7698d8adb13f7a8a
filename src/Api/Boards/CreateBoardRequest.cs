namespace AppDelivery.Aspire.Api.Boards;

internal sealed record CreateBoardRequest(string? Name)
{
    public const int MaxNameLength = 100;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors["name"] = ["name is required."];
        }
        else if (Name.Length > MaxNameLength)
        {
            errors["name"] = [$"name must be at most {MaxNameLength} characters."];
        }

        return errors;
    }
}
