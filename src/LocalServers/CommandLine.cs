using System.Diagnostics;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>A program and its arguments, optionally run as another OS user.</summary>
internal sealed record CommandLine(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Runs <paramref name="fileName"/> as <paramref name="user"/> through <c>runuser</c> when this process is root
    /// (PostgreSQL refuses to run as root), and directly otherwise.
    /// </summary>
    public static CommandLine AsUserWhenRoot(string user, string fileName, params IEnumerable<string> arguments) =>
        Environment.IsPrivilegedProcess
            ? new CommandLine("runuser", ["-u", user, "--", fileName, .. arguments])
            : new CommandLine(fileName, [.. arguments]);

    public ProcessStartInfo ToStartInfo()
    {
        var startInfo = new ProcessStartInfo(FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>
    /// Runs to completion and returns its output; throws with the output when it fails or outlives <paramref name="timeout"/>.
    /// </summary>
    public async Task<string> RunAsync(string description, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = ServerProcess.Start(this, description);
        try
        {
            if (!await process.WaitForExitAsync(timeout, cancellationToken))
            {
                await process.KillAsync(TimeSpan.FromSeconds(5));
                throw process.Failure($"did not finish within {timeout}");
            }
        }
        catch (OperationCanceledException)
        {
            await process.KillAsync(TimeSpan.FromSeconds(5));
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw process.Failure($"exited with code {process.ExitCode}");
        }

        return process.Output;
    }
}
