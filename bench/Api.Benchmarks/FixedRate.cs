using System.Diagnostics;
using HdrHistogram;

namespace AppDelivery.Aspire.Api.Benchmarks;

/// <summary>
/// Open-loop load: request i is due at i / rate, and its latency counts from that due time, not from when it was
/// actually sent, so a stall is charged to every request it delayed (coordinated omission corrected, as wrk2 does).
/// </summary>
internal static class FixedRate
{
    public static async Task<double> P99MillisecondsAsync(
        HttpClient client, int requestsPerSecond, TimeSpan duration, Func<int, HttpRequestMessage> createRequest)
    {
        var histogram = new LongConcurrentHistogram(1, TimeStamp.Seconds(60), 3);
        var total = (int)(requestsPerSecond * duration.TotalSeconds);
        var requests = new Task[total];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = Stopwatch.Frequency * i / requestsPerSecond;
            while (clock.ElapsedTicks < due)
            {
                var ahead = TimeSpan.FromTicks((due - clock.ElapsedTicks) * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
                if (ahead > TimeSpan.FromMilliseconds(2))
                {
                    await Task.Delay(ahead - TimeSpan.FromMilliseconds(1));
                }
                else
                {
                    Thread.SpinWait(20);
                }
            }

            requests[i] = SendAsync(i, due);
        }

        await Task.WhenAll(requests);
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} of {total} requests failed at {requestsPerSecond} RPS.");
        }

        return histogram.GetValueAtPercentile(99) * 1000.0 / Stopwatch.Frequency;

        async Task SendAsync(int index, long due)
        {
            using var request = createRequest(index);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            histogram.RecordValue(Math.Max(1, clock.ElapsedTicks - due));
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }
}
