namespace AppDelivery.Aspire.Web.Pages;

/// <summary>A one-off confirmation ("Board created.") shown by the layout on the page after a redirect.</summary>
public static class StatusMessage
{
    public const string TempDataKey = "StatusMessage";
}
