using Microsoft.Extensions.Hosting;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>The Api in the Production environment (no developer detail in responses).</summary>
public sealed class ProductionApiFixture : ApiFixture
{
    protected override string EnvironmentName => Environments.Production;
}
