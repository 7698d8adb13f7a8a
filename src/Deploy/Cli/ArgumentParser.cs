namespace AppDelivery.Aspire.Deploy.Cli;

/// <summary>Parses <c>synth</c> options (plain <c>--name value</c> pairs).</summary>
internal static class ArgumentParser
{
    public const string Source = "command line";

    private static readonly HashSet<string> KnownOptions = ["--env", "--manifest", "--settings", "--image-tag", "--outdir"];

    public static SynthOptions ParseSynth(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (!KnownOptions.Contains(option))
            {
                throw new InputException(Source, option, $"unknown option (known: {string.Join(", ", KnownOptions)})");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new InputException(Source, option, "needs a value");
            }

            if (!values.TryAdd(option, args[++i]))
            {
                throw new InputException(Source, option, "given twice");
            }
        }

        var environment = values.GetValueOrDefault("--env")
            ?? throw new InputException(Source, "--env", "missing: name the environment (dev, staging, prod or pr-<n>)");
        return new SynthOptions(
            environment,
            values.GetValueOrDefault("--manifest") ?? SynthOptions.DefaultManifestPath,
            values.GetValueOrDefault("--settings") ?? Settings.DeploymentSettingsLoader.DefaultFileName,
            values.GetValueOrDefault("--image-tag"),
            values.GetValueOrDefault("--outdir") ?? SynthOptions.DefaultOutputDirectory);
    }
}
