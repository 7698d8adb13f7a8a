using AppDelivery.Aspire.Web.Api;

namespace AppDelivery.Aspire.Web.Pages;

/// <summary>The HTTP status a page answers with when an Api call it made failed.</summary>
public static class PageStatusCodes
{
    public static int For(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind switch
        {
            ApiErrorKind.Validation => StatusCodes.Status400BadRequest,
            ApiErrorKind.NotFound => StatusCodes.Status404NotFound,
            ApiErrorKind.Conflict => StatusCodes.Status409Conflict,
            ApiErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status502BadGateway,
        };
    }
}
