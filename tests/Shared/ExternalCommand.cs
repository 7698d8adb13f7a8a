using System.Diagnostics;

namespace AppDelivery.Aspire.Tests;

/// <summary>A finished run of a program: its exit code and both output streams. Linked into the test projects that run commands.</summary>
public sealed record ExternalCommand(string Description, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Runs <paramref name="fileName"/> to completion; kills its process tree and throws when it outlives <paramref name="timeout"/>.</summary>
    public static async Task<ExternalCommand> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            startInfo.Environment[name] = value;
        }

        var description = $"{fileName} {string.Join(' ', startInfo.ArgumentList)}";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {description}.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{description} did not finish within {timeout}.");
        }

        return new ExternalCommand(description, process.ExitCode, await standardOutput, await standardError);
    }

    /// <summary>This run, or an exception naming the command, its exit code and the end of its output.</summary>
    public ExternalCommand EnsureSuccess() =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{Description} exited with {ExitCode}:\n{Tail(StandardOutput)}\n{Tail(StandardError)}");

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(60));
}
