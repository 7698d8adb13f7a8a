namespace AppDelivery.Aspire.AppHost.LocalServers;

/// <summary>
/// Runs a server through <c>/bin/sh</c> so that its stderr joins its stdout: PostgreSQL logs every line to stderr,
/// which the dashboard would otherwise show as errors.
/// </summary>
internal static class ShellCommand
{
    public const string Shell = "/bin/sh";

    /// <summary>The shell's own arguments; the server's command line follows.</summary>
    public static void AddPrefix(CommandLineArgsCallbackContext context, string resourceName)
    {
        context.Args.Add("-c");
        context.Args.Add("exec \"$@\" 2>&1");
        context.Args.Add(resourceName);
    }
}
