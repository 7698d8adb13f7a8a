using Amazon.CDK.CXAPI;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>A synthesized cloud assembly and the names of the stacks in it, in deployment order.</summary>
/// <param name="SecretsStackName">Null when the app has no operator-set secret.</param>
public sealed record SynthesizedDeployment(
    CloudAssembly Assembly,
    string Directory,
    string BaseStackName,
    string? SecretsStackName,
    string EnvironmentStackName);
