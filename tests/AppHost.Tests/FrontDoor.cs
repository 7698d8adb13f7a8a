namespace AppDelivery.Aspire.AppHost.Tests;

/// <summary>What a user of the running app opens first: the one resource reachable from outside, and its board list.</summary>
public static class FrontDoor
{
//#if (web)
    /// <summary>The Web front end; its home page lists the boards it got from the Api.</summary>
    public const string Resource = ResourceNames.Web;

    /// <summary>How the AppHost's terminal line names it (<c>Web: http://…</c>).</summary>
    public const string Title = "Web";

    public const string BoardsPath = "/";
//#endif
#if (apiOnly)
    /// <summary>The Api of an API-only app.</summary>
    public const string Resource = ResourceNames.Api;

    /// <summary>How the AppHost's terminal line names it (<c>Api: http://…</c>).</summary>
    public const string Title = "Api";

    public const string BoardsPath = "/api/boards";
#endif
//#if (seedData)

    /// <summary>The Development seed's board, which the board list shows in local runs.</summary>
    public const string SeededBoard = "Getting started";
//#endif
}
