namespace AppDelivery.Aspire.Api;

/// <summary>The Api's rules for request bodies: field name → messages, empty when the request is valid.</summary>
internal static class RequestValidation
{
    public static Dictionary<string, string[]> Validate(this CreateBoardRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["name is required."];
        }
        else if (request.Name.Length > FieldLimits.BoardName)
        {
            errors["name"] = [$"name must be at most {FieldLimits.BoardName} characters."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(this CreateWorkItemRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateTitle(request.Title, errors);
        ValidateDescription(request.Description, errors);
        if (request.Status is not null)
        {
            ValidateStatus(request.Status, errors);
        }

        return errors;
    }

    public static Dictionary<string, string[]> Validate(this UpdateWorkItemRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        ValidateTitle(request.Title, errors);
        ValidateDescription(request.Description, errors);
        ValidateStatus(request.Status, errors);
        if (request.Version is null or < 1)
        {
            errors["version"] = ["version is required and must be at least 1."];
        }

        return errors;
    }

    private static void ValidateTitle(string? title, Dictionary<string, string[]> errors)
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

    private static void ValidateDescription(string? description, Dictionary<string, string[]> errors)
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
