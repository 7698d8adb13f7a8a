namespace AppDelivery.Aspire.Web.Api;

/// <summary>A failed Api call, described for the user.</summary>
/// <param name="FieldErrors">Validation errors keyed by the Api's field name (e.g. <c>title</c>).</param>
public sealed record ApiError(ApiErrorKind Kind, string Message, IReadOnlyDictionary<string, string[]> FieldErrors)
{
    public const string UnavailableMessage =
        "The board service is not reachable right now. Please try again in a moment.";

    public const string ConflictMessage =
        "Someone else changed this item. Reload the page to see the latest version, then try again.";

    public static ApiError Of(ApiErrorKind kind, string message) =>
        new(kind, message, new Dictionary<string, string[]>());
}
