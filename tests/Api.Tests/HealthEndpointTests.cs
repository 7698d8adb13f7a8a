using System.Net;
using System.Text.Json;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

public sealed class HealthEndpointTests(StandaloneApiFixture fixture) : IClassFixture<StandaloneApiFixture>
{
    [Fact]
    public async Task Health_in_Development_reports_every_check_as_json()
    {
        using var client = fixture.CreateClient(withApiKey: false);

        using var response = await client.GetAsync("/health");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateObject().Select(check => check.Name);
        string[] expected =
        [
            "PostgreSql",
//#if (cache)
            ResourceNames.Cache,
//#endif
            "self",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), checks.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Alive_runs_only_the_liveness_check()
    {
        using var client = fixture.CreateClient(withApiKey: false);

        using var response = await client.GetAsync("/alive");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["self"], report.RootElement.GetProperty("checks").EnumerateObject().Select(check => check.Name));
    }
}
