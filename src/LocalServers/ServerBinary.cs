using System.Diagnostics;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>Locates a server executable, failing loudly with the command that installs it.</summary>
internal static class ServerBinary
{
    public static string Find(IEnumerable<string> candidateNames, IEnumerable<string> extraDirectories, string installCommand)
    {
        var names = candidateNames.ToList();
        var directories = extraDirectories
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        foreach (var name in names)
        {
            foreach (var directory in directories)
            {
                var path = Path.Combine(directory, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException(
            $"None of [{string.Join(", ", names)}] was found in [{string.Join(", ", directories)}]. Install it with: {installCommand}");
    }

    /// <summary>
    /// What <c>&lt;path&gt; --version</c> prints. Synchronous on purpose: the AppHost reads it while it builds its
    /// model, which has no async step, and the answer takes milliseconds.
    /// </summary>
    public static string ReadVersion(string path)
    {
        var startInfo = new CommandLine(path, ["--version"]).ToStartInfo();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{path} --version'.");
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{path} --version' failed: {output}");
        }

        return output.Trim();
    }
}
