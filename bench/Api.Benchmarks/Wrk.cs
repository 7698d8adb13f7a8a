using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.Api.Benchmarks;

/// <summary>Closed-loop maximum throughput with wrk (Debian's package), <see cref="Threads"/> threads.</summary>
internal static partial class Wrk
{
    public const int Threads = 2;

    public static async Task<double> RequestsPerSecondAsync(Uri url, int connections, TimeSpan duration, string? script)
    {
        var arguments = new List<string> { $"-t{Threads}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency" };
        if (script is not null)
        {
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(url.ToString());
        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errors = NonSuccess().Match(output);
        if (errors.Success)
        {
            throw new InvalidOperationException($"wrk saw non-2xx/3xx answers for {url}:{Environment.NewLine}{output}");
        }

        var match = RequestsPerSecond().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Could not read wrk's output:{Environment.NewLine}{output}");
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses: \d+")]
    private static partial Regex NonSuccess();
}
