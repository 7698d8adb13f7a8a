using Amazon.CDK.AWS.SecretsManager;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>What a workload's environment can refer to in AWS; null members do not exist in this app.</summary>
public sealed record WorkloadBindings(
    AuroraDatabase? Database,
    ServerlessCache? Cache,
    IReadOnlyDictionary<string, Secret> Secrets,
    IReadOnlyCollection<string> Services);
