using System.Net;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>Outside Development: health endpoints still mapped but terse, bad input still ProblemDetails.</summary>
public sealed class ProductionEnvironmentTests(ProductionApiFixture fixture) : IClassFixture<ProductionApiFixture>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    public async Task Health_endpoints_answer_with_the_bare_status(string path)
    {
        using var client = fixture.CreateClient(withApiKey: false);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Malformed_json_returns_400_problem()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync(
            "/api/boards", new StringContent("{", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssertions.AssertValidationProblemAsync(response, "body");
    }

    [Fact]
    public async Task Unparsable_query_value_returns_400_naming_the_parameter()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/boards?pageSize=many");

        await ProblemAssertions.AssertValidationProblemAsync(response, "pageSize");
    }
}
