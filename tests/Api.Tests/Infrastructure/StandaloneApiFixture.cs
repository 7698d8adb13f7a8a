namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>The Api with a standalone Valkey, in Development.</summary>
public sealed class StandaloneApiFixture : ApiFixture;
