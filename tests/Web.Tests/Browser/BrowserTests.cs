namespace AppDelivery.Aspire.Web.Tests.Browser;

/// <summary>
/// Browser test classes run one after another: each starts its own PostgreSQL, Valkey, Api, Web and Chromium,
/// and two such stacks at once on a two-core machine make page timeouts flaky.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests
{
    public const string Name = "Browser";
}
