namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>The Api behind a real Kestrel listener, for behaviour the in-memory TestServer does not have.</summary>
public sealed class KestrelApiFixture : ApiFixture
{
    protected override bool UseKestrel => true;
}
