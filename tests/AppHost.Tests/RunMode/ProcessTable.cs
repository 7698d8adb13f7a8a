using System.Globalization;
using System.Runtime.Versioning;

// The run-mode tests read /proc and send POSIX signals, as the stack they start runs on Linux here.
[assembly: SupportedOSPlatform("linux")]

namespace AppDelivery.Aspire.AppHost.Tests.RunMode;

/// <summary>A process as <c>/proc</c> shows it.</summary>
public sealed record ProcessInfo(int Id, int SessionId, string CommandLine, string WorkingDirectory)
{
    public override string ToString() => $"{Id} {CommandLine}";
}

/// <summary>The processes running now (Linux <c>/proc</c>): what a run started, and whether it is gone.</summary>
public static class ProcessTable
{
    public static List<ProcessInfo> Snapshot()
    {
        var processes = new List<ProcessInfo>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var processId))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim();
                // stat: "pid (comm) state ppid pgrp session ..."; comm may hold spaces, so count from its closing parenthesis.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var sessionId = int.Parse(fields[3], CultureInfo.InvariantCulture);
                var workingDirectory = new DirectoryInfo(Path.Combine(directory, "cwd")).LinkTarget ?? "";
                if (commandLine.Length > 0)
                {
                    processes.Add(new ProcessInfo(processId, sessionId, commandLine, workingDirectory));
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // It ended while we looked.
            }
        }

        return processes;
    }

    /// <summary>Waits until none of <paramref name="processIds"/> runs; returns those still running after <paramref name="timeout"/>.</summary>
    public static async Task<List<ProcessInfo>> WaitUntilGoneAsync(IReadOnlyCollection<int> processIds, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var alive = Snapshot().Where(p => processIds.Contains(p.Id)).ToList();
            if (alive.Count == 0 || DateTime.UtcNow > deadline)
            {
                return alive;
            }

            await Task.Delay(250);
        }
    }
}
