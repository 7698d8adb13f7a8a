namespace AppDelivery.Aspire.Deploy.Cli;

/// <summary>Inputs of one synthesis, from the command line or the CDK context.</summary>
/// <param name="ImageTag">Null: the current git commit.</param>
/// <param name="OutputDirectory">Null: leave it to the CDK (<c>CDK_OUTDIR</c>, set by the CDK CLI).</param>
internal sealed record SynthOptions(
    string Environment,
    string ManifestPath,
    string SettingsPath,
    string? ImageTag,
    string? OutputDirectory)
{
    public const string DefaultManifestPath = "src/AppHost/aspire-manifest.json";

    public const string DefaultOutputDirectory = "cdk.out";
}
