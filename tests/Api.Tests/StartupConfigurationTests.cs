using AppDelivery.Aspire.Api.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData(ResourceNames.Database, ResourceNames.Cache)]
    [InlineData(ResourceNames.Cache, ResourceNames.Database)]
    public void Missing_connection_string_fails_startup_naming_the_key(string missing, string present)
    {
        using var factory = new ApiApplicationFactory(
            new Dictionary<string, string?> { [$"ConnectionStrings:{present}"] = "Host=127.0.0.1" },
            Environments.Production);

        var exception = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains($"ConnectionStrings:{missing}", exception.Message, StringComparison.Ordinal);
    }
}
