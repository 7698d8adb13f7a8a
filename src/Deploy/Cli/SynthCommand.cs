using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Stacks;
using AppDelivery.Aspire.Deploy.Summary;

namespace AppDelivery.Aspire.Deploy.Cli;

/// <summary>Settings + manifest → the stacks → the summary. Inputs are checked before CDK runs.</summary>
internal static class SynthCommand
{
    public static int Run(SynthOptions options, TextWriter output, TextWriter error, bool fromCdkContext = false)
    {
        var settings = DeploymentSettingsLoader.Load(options.SettingsPath);
        var environment = settings.ResolveEnvironment(options.Environment);
        var manifest = ManifestReader.Read(options.ManifestPath, settings);
        foreach (var warning in manifest.Warnings)
        {
            error.WriteLine($"warning: {warning}");
        }

        var imageTag = options.ImageTag ?? GitCommit.ShortHash(Directory.GetCurrentDirectory());
        if (!CloudAssemblyBuilder.IsImageTag(imageTag))
        {
            throw new InputException(
                fromCdkContext ? CdkContext.Source : ArgumentParser.Source,
                fromCdkContext ? CdkContext.ImageTagKey : "--image-tag",
                $"'{imageTag}' is not a container image tag ({CloudAssemblyBuilder.ImageTagRule})");
        }

        var synthesized = CloudAssemblyBuilder.Synthesize(manifest.Model, settings, environment.Name, imageTag, options.OutputDirectory);
        var baseStack = TemplateInventory.Read(synthesized.Directory, synthesized.BaseStackName);
        var secretsStack = synthesized.SecretsStackName is { } secretsStackName
            ? TemplateInventory.Read(synthesized.Directory, secretsStackName)
            : null;
        var environmentStack = TemplateInventory.Read(synthesized.Directory, synthesized.EnvironmentStackName);
        var cost = CostEstimator.Estimate(settings, environment, manifest.Model, environmentStack, baseStack, PriceTable.EuWest1);
        TemplateInventory[] stacks = secretsStack is null ? [baseStack, environmentStack] : [baseStack, secretsStack, environmentStack];
        SynthSummary
            .Create(environment.Name, imageTag, synthesized.Directory, settings.Region, stacks, cost,
                manifest.Model, synthesized.SecretsStackName, synthesized.EnvironmentStackName)
            .WriteTo(output);
        return 0;
    }
}
