using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AppDelivery.Aspire.Deploy.Tests.Nag;

/// <summary>One run of <c>tools/cdk-nag/check.js</c> over cloud assemblies, and its JSON report.</summary>
public sealed record NagRun(
    [property: JsonPropertyName("stacks")] IReadOnlyList<string> Stacks,
    [property: JsonPropertyName("findings")] IReadOnlyList<NagFinding> Findings,
    [property: JsonPropertyName("acknowledgements")] IReadOnlyList<NagAcknowledgement> Acknowledgements,
    [property: JsonPropertyName("error")] string? Error)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static NagRun Check(string toolDirectory, IEnumerable<string> assemblies)
    {
        var (exitCode, stdout, stderr) = Run(toolDirectory, "node", ["check.js", .. assemblies], Timeout);
        NagRun? run;
        try
        {
            run = JsonSerializer.Deserialize<NagRun>(stdout);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"check.js exited {exitCode} without a JSON report.\n{stdout}\n{stderr}", e);
        }

        return run ?? throw new InvalidOperationException($"check.js printed no report.\n{stderr}");
    }

    public static (int ExitCode, string Stdout, string Stderr) Run(string directory, string file, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}

public sealed record NagFinding(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("resource")] string Resource);

public sealed record NagAcknowledgement(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("stack")] string Stack,
    [property: JsonPropertyName("resource")] string Resource,
    [property: JsonPropertyName("environments")] IReadOnlyList<string>? Environments,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("used")] bool Used);
