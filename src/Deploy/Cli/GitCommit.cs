using System.ComponentModel;
using System.Diagnostics;

namespace AppDelivery.Aspire.Deploy.Cli;

/// <summary>The default image tag: the short hash of the checked-out commit, as CI tags the images.</summary>
internal static class GitCommit
{
    public static string ShortHash(string workingDirectory)
    {
        var start = new ProcessStartInfo("git", ["rev-parse", "--short=12", "HEAD"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var git = Process.Start(start) ?? throw NotAvailable("git did not start");
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.StandardError.ReadToEnd();
            if (!git.WaitForExit(TimeSpan.FromSeconds(30)) || git.ExitCode != 0 || output.Length == 0)
            {
                throw NotAvailable($"{workingDirectory} is not a git repository with a commit");
            }

            return output;
        }
        catch (Win32Exception)
        {
            throw NotAvailable("git is not installed");
        }
    }

    private static InputException NotAvailable(string why) =>
        new(ArgumentParser.Source, "--image-tag", $"no default: {why}; pass --image-tag (or -c imageTag=...)");
}
