namespace AppDelivery.Aspire.Deploy.Cli;

/// <summary>The deployment CLI: <c>synth</c> for people and CI, <c>cdk-app</c> for the CDK CLI (cdk.json).</summary>
public static class Commands
{
    public const int Success = 0;
    public const int SynthesisFailed = 1;
    public const int BadInput = 2;

    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Run(args, output, error, Environment.GetEnvironmentVariable);

    /// <param name="getEnvironmentVariable">Where <c>CDK_CONTEXT_JSON</c> is read from (tests pass their own).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        // Before the first jsii call: Node 20 otherwise prints an end-of-life banner on every start.
        if (Environment.GetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION") is null)
        {
            Environment.SetEnvironmentVariable("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20");
        }

        try
        {
            switch (args)
            {
                case [] or ["help" or "--help" or "-h"]:
                    output.WriteLine(CliUsage.Text);
                    return args.Length == 0 ? BadInput : Success;
                case ["synth", .. var options]:
                    return SynthCommand.Run(ArgumentParser.ParseSynth(options), output, error);
                case ["cdk-app"]:
                    // The CDK CLI shows the app's stderr; its stdout is kept for the cloud assembly protocol.
                    return SynthCommand.Run(CdkContext.ReadSynthOptions(getEnvironmentVariable), error, error, fromCdkContext: true);
                default:
                    throw new InputException(ArgumentParser.Source, args[0], "unknown command (known: synth, cdk-app, help)");
            }
        }
        catch (InputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return BadInput;
        }
#pragma warning disable CA1031 // The CLI's last line of defence: one readable line and exit code 1, not a crash dump.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"error: synthesis failed: {e.GetType().Name}: {e.Message}");
            return SynthesisFailed;
        }
    }
}
