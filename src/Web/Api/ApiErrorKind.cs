namespace AppDelivery.Aspire.Web.Api;

public enum ApiErrorKind
{
    /// <summary>400: the Api rejected the input; field errors say why.</summary>
    Validation,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>409: the item's version is stale.</summary>
    Conflict,

    /// <summary>401/403: the Web's API key is missing or wrong.</summary>
    Unauthorized,

    /// <summary>The Api could not be reached or did not answer in time.</summary>
    Unavailable,

    /// <summary>Any other failure, e.g. a 5xx or an unreadable response.</summary>
    Failed,
}
