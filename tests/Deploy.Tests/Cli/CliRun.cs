using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Cli;

/// <summary>One in-process run of the real CLI with its output captured.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static string CommittedManifest => Path.Combine(RepositoryPaths.Root, "src", "AppHost", "aspire-manifest.json");

    public static CliRun Of(params string[] args) => Of(args, _ => null);

    public static CliRun Of(string[] args, Func<string, string?> environment)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = Deploy.Cli.Commands.Run(args, output, error, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary><c>synth</c> with the committed files (absolute paths) plus <paramref name="extra"/>.</summary>
    public static CliRun Synth(params string[] extra) =>
        Of(["synth", "--manifest", CommittedManifest, "--settings", RepositoryPaths.Settings, .. extra]);
}
