using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AppDelivery.Aspire.Api.Tests.Infrastructure;
using AppDelivery.Aspire.Tests;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>
/// SIGTERM to the real Api process under load, as ECS stops a task: requests in flight complete, connections made
/// after Kestrel stopped listening are refused (never a 5xx, never a response cut off), and the process exits 0.
/// No shutdown delay is needed for the load balancer: ECS deregisters a service's task from its target group (and
/// waits out the deregistration delay) in DEACTIVATING, before it sends SIGTERM.
/// </summary>
public sealed class ShutdownTests(StandaloneApiFixture fixture) : IClassFixture<StandaloneApiFixture>
{
    // The host's default HostOptions.ShutdownTimeout; the ECS task's stop timeout (SIGKILL after 30 s) matches it.
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);
    private const int Workers = 32;
    private const string RefusedConnection = "connection refused";

    [Fact]
    public async Task On_SIGTERM_under_load_requests_in_flight_complete_new_connections_are_refused_and_the_process_exits_0()
    {
        await using var api = await ApiProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "AppDelivery.Aspire.Api.dll"), new Dictionary<string, string>
        {
            [$"ConnectionStrings__{ResourceNames.Database}"] = fixture.DatabaseConnectionString,
//#if (cache)
            [$"ConnectionStrings__{ResourceNames.Cache}"] = fixture.Valkey.ConnectionString,
//#endif
            [ConfigurationKeys.ApiKeyEnvironmentVariable] = fixture.ApiKey,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        });
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = ShutdownTimeout };
        client.DefaultRequestHeaders.Add(ConfigurationKeys.ApiKeyHeader, fixture.ApiKey);
        var board = await client.CreateBoardAsync("Shutdown");
        var item = await client.CreateWorkItemAsync(board.Id);

        var outcomes = new ConcurrentQueue<Outcome>();
        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; !api.HasExited; i++)
            {
                using var request = i % 4 == 0
                    ? new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{board.Id}/items") { Content = JsonContent.Create(new { title = $"Worker {worker} {i}" }) }
                    : new HttpRequestMessage(HttpMethod.Get, $"/api/items/{item.Id}");
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    outcomes.Enqueue(new Outcome(sent, Stopwatch.GetTimestamp(), response.StatusCode, null));
                }
                catch (HttpRequestException exception)
                {
                    outcomes.Enqueue(new Outcome(sent, Stopwatch.GetTimestamp(), null, exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
                        ? RefusedConnection
                        : $"{exception.HttpRequestError}: {exception.Message}"));
                }
            }
        })).ToArray();

        while (outcomes.Count(outcome => outcome.Status is not null) < 500)
        {
            await Task.Delay(20);
        }

        var signalled = Stopwatch.GetTimestamp();
        await api.TerminateAsync();
        await api.WaitForExitAsync(ShutdownTimeout);
        await Task.WhenAll(workers).WaitAsync(ShutdownTimeout);

        Assert.Equal(0, api.ExitCode);
        var all = outcomes.ToArray();
        // A request sent after SIGTERM on a kept-alive connection that Kestrel is closing gets no response at all
        // (HTTP/1.1's keep-alive race: the server never read it, so it is safe to retry). A body cut off mid-response
        // would throw from reading the content instead and fail the worker.
        Assert.Empty(all.Where(outcome => outcome.Error is not null and not RefusedConnection
                && !(outcome.Sent > signalled && outcome.Error.StartsWith(nameof(HttpRequestError.ResponseEnded), StringComparison.Ordinal)))
            .Select(outcome => outcome.Error).Distinct());
        Assert.Empty(all.Where(outcome => outcome.Status is { } status && !IsSuccess(status)).Select(outcome => outcome.Status).Distinct());
        var inFlightAtSignal = all.Where(outcome => outcome.Sent < signalled && outcome.Finished > signalled).ToArray();
        Assert.NotEmpty(inFlightAtSignal);
        Assert.All(inFlightAtSignal, outcome => Assert.True(outcome.Status is { } status && IsSuccess(status), $"A request in flight at SIGTERM got {outcome.Status?.ToString() ?? "no response"}."));
        Assert.Contains(all, outcome => outcome.Error == RefusedConnection && outcome.Sent > signalled);
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    /// <summary>A request: when it was sent and finished (Stopwatch timestamps), and its status or its error.</summary>
    private sealed record Outcome(long Sent, long Finished, HttpStatusCode? Status, string? Error);
}
