using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>One request of a <see cref="SteadyLoad"/>: status (null when it threw or timed out) and latency from its scheduled start.</summary>
public sealed record LoadSample(HttpMethod Method, HttpStatusCode? Status, TimeSpan Latency, string? Error, Guid? CreatedId);

/// <summary>
/// Requests at a fixed rate, open-loop (each starts on schedule whether or not earlier ones finished), each
/// bounded by <see cref="RequestTimeout"/>. Tests inject faults while it runs and then assert on every sample.
/// </summary>
public sealed class SteadyLoad
{
    /// <summary>No request may take longer; one that does is recorded as an error, never awaited further.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly List<Task<LoadSample>> _requests = [];
    private int _completed;

    private SteadyLoad()
    {
    }

    public Task<IReadOnlyList<LoadSample>> Finished { get; private set; } = null!;

    public int Completed => Volatile.Read(ref _completed);

    /// <summary>Starts <paramref name="requestsPerSecond"/> × <paramref name="duration"/> requests made by <paramref name="createRequest"/> (given the request's index).</summary>
    public static SteadyLoad Start(HttpClient client, int requestsPerSecond, TimeSpan duration, Func<int, HttpRequestMessage> createRequest)
    {
        var load = new SteadyLoad();
        load.Finished = load.RunAsync(client, requestsPerSecond, (int)(requestsPerSecond * duration.TotalSeconds), createRequest);
        return load;
    }

    /// <summary>Waits until <paramref name="count"/> requests have completed, failing after <paramref name="timeout"/>.</summary>
    public async Task WaitForCompletedAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (Completed < count)
        {
            if (deadline.IsCancellationRequested || Finished.IsCompleted)
            {
                Assert.Fail($"Only {Completed} of {count} requests completed within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<LoadSample>> RunAsync(
        HttpClient client, int requestsPerSecond, int total, Func<int, HttpRequestMessage> createRequest)
    {
        var clock = Stopwatch.StartNew();
        for (var index = 0; index < total; index++)
        {
            var scheduled = TimeSpan.FromSeconds((double)index / requestsPerSecond);
            if (scheduled > clock.Elapsed)
            {
                await Task.Delay(scheduled - clock.Elapsed);
            }

            _requests.Add(SendAsync(client, createRequest(index), clock, scheduled));
        }

        return await Task.WhenAll(_requests);
    }

    private async Task<LoadSample> SendAsync(HttpClient client, HttpRequestMessage request, Stopwatch clock, TimeSpan scheduled)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout);
        var method = request.Method;
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, timeout.Token))
            {
                var createdId = response.StatusCode == HttpStatusCode.Created
                    ? (await response.Content.ReadFromJsonAsync<WorkItemDto>(timeout.Token))!.Id
                    : (Guid?)null;
                return new LoadSample(method, response.StatusCode, clock.Elapsed - scheduled, null, createdId);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            return new LoadSample(method, null, clock.Elapsed - scheduled, exception.GetType().Name, null);
        }
        finally
        {
            Interlocked.Increment(ref _completed);
        }
    }
}
