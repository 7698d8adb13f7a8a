extern alias ApiApp;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using AppDelivery.Aspire.Web.Api;
using AppDelivery.Aspire.Web.Tests.Browser;

namespace AppDelivery.Aspire.Web.Tests.Hosting;

/// <summary>
/// The Web's readiness (<c>/health</c>) names the Api when the Api cannot be reached through service discovery, and
/// stays ready (Degraded, HTTP 200); liveness (<c>/alive</c>) ignores the Api.
/// </summary>
public sealed class ApiReadinessTests(ValkeyFixture valkey) : IClassFixture<ValkeyFixture>
{
    private static readonly TimeSpan PromptAnswer = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task With_the_api_running_readiness_reports_the_api_healthy()
    {
        // The Api's liveness needs neither its database nor the API key the Web holds.
        await using var api = new KestrelAppFactory<ApiApp::Program>(new Dictionary<string, string>
        {
            [$"ConnectionStrings:{ResourceNames.Database}"] = "Host=127.0.0.1;Port=1;Database=unused;Username=unused",
            [$"ConnectionStrings:{ResourceNames.Cache}"] = valkey.ConnectionString,
            [ConfigurationKeys.ApiKey] = RandomNumberGenerator.GetHexString(32),
        });
        var apiAddress = api.Start().GetLeftPart(UriPartial.Authority);
        await using var web = CreateWeb(apiAddress);
        using var client = new HttpClient { BaseAddress = web.Start() };

        var readiness = await GetReadinessAsync(client);

        Assert.Equal(("Healthy", "Healthy"), (readiness.Status, readiness.ApiStatus));
    }

    [Fact]
    public async Task With_nothing_listening_on_the_api_port_readiness_is_degraded_naming_the_api_and_liveness_is_healthy()
    {
        await using var web = CreateWeb($"http://127.0.0.1:{ClosedPort()}");
        using var client = new HttpClient { BaseAddress = web.Start() };

        var readiness = await GetReadinessAsync(client);

        Assert.Equal(("Degraded", "Degraded"), (readiness.Status, readiness.ApiStatus));
        Assert.Equal("The Api cannot be reached; pages that need it show an error.", readiness.ApiDescription);
        Assert.InRange(readiness.Elapsed, TimeSpan.Zero, PromptAnswer);

        var (aliveStatusCode, alive) = await GetReportAsync(client, HealthPaths.Liveness);
        Assert.Equal(HttpStatusCode.OK, aliveStatusCode);
        Assert.Equal("Healthy", alive.GetProperty("status").GetString());
        Assert.False(alive.GetProperty("checks").TryGetProperty(ResourceNames.Api, out _), "Liveness must not depend on the Api.");
    }

    [Fact]
    public async Task An_api_that_accepts_connections_but_never_answers_is_degraded_after_the_timeout()
    {
        using var silentApi = new TcpListener(IPAddress.Loopback, 0);
        silentApi.Start();
        await using var web = CreateWeb($"http://127.0.0.1:{((IPEndPoint)silentApi.LocalEndpoint).Port}");
        using var client = new HttpClient { BaseAddress = web.Start() };

        var readiness = await GetReadinessAsync(client);

        Assert.Equal("Degraded", readiness.ApiStatus);
        Assert.StartsWith("The Api did not answer its liveness check within 2 s", readiness.ApiDescription, StringComparison.Ordinal);
        Assert.InRange(readiness.Elapsed, ApiHealthCheck.Timeout, PromptAnswer);
    }

    [Fact]
    public async Task An_api_answering_its_liveness_check_with_an_error_is_degraded_after_a_single_request()
    {
        // What ECS Service Connect answers while no Api task is healthy.
        using var web = new FakeApiWebFactory(valkey.ConnectionString);
        web.Api.Respond = _ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        using var client = web.CreateClient();

        var readiness = await GetReadinessAsync(client);

        Assert.Equal("Degraded", readiness.ApiStatus);
        Assert.Contains("HTTP 503", readiness.ApiDescription, StringComparison.Ordinal);
        var request = Assert.Single(web.Api.Requests);
        Assert.Equal(HealthPaths.Liveness, request.PathAndQuery);
        Assert.Null(request.ApiKey);
    }

    private KestrelAppFactory<Program> CreateWeb(string apiAddress) =>
        new(new Dictionary<string, string>
        {
            [$"ConnectionStrings:{ResourceNames.Cache}"] = valkey.ConnectionString,
            [$"services:{ResourceNames.Api}:http:0"] = apiAddress,
        });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The Development JSON report of a health endpoint.</summary>
    private static async Task<(HttpStatusCode StatusCode, JsonElement Report)> GetReportAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, report.RootElement.Clone());
    }

    /// <summary>Reads <c>/health</c>, which must answer 200 and have an <c>api</c> check, timing the request.</summary>
    private static async Task<Readiness> GetReadinessAsync(HttpClient client)
    {
        var stopwatch = Stopwatch.StartNew();
        var (statusCode, report) = await GetReportAsync(client, HealthPaths.Readiness);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, statusCode);
        Assert.True(report.GetProperty("checks").TryGetProperty(ResourceNames.Api, out var apiCheck), $"No '{ResourceNames.Api}' check in {report}");
        return new Readiness(
            report.GetProperty("status").GetString(),
            apiCheck.GetProperty("status").GetString(),
            apiCheck.GetProperty("description").GetString(),
            stopwatch.Elapsed);
    }

    private sealed record Readiness(string? Status, string? ApiStatus, string? ApiDescription, TimeSpan Elapsed);
}
