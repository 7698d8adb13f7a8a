using System.Net;
using System.Text.Json;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

public static class HealthProbe
{
    /// <summary>Reads the overall status from <c>/health</c> (JSON in Development, plain text otherwise).</summary>
    public static async Task<(HttpStatusCode StatusCode, string Status)> GetAsync(HttpClient client, string path = "/health")
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var status = response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() ?? string.Empty
            : body;
        return (response.StatusCode, status);
    }

    /// <summary>Polls <c>/health</c> until it reports <paramref name="expected"/>, failing after <paramref name="timeout"/>.</summary>
    public static async Task WaitForStatusAsync(HttpClient client, string expected, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var last = string.Empty;
        while (!deadline.IsCancellationRequested)
        {
            (_, last) = await GetAsync(client);
            if (last == expected)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }

        Assert.Fail($"/health did not report {expected} within {timeout}; last status: {last}.");
    }
}
