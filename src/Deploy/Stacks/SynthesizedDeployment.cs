using Amazon.CDK.CXAPI;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>A synthesized cloud assembly and the names of the two stacks in it (deploy base first).</summary>
public sealed record SynthesizedDeployment(
    CloudAssembly Assembly,
    string Directory,
    string BaseStackName,
    string EnvironmentStackName);
