using Amazon.CDK.AWS.SecretsManager;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>What a workload's environment can refer to in AWS; a null cache does not exist in this app.</summary>
/// <param name="DatabaseServers">One Aurora cluster per PostgreSQL server of the app.</param>
public sealed record WorkloadBindings(
    IReadOnlyList<AuroraDatabase> DatabaseServers,
    ServerlessCache? Cache,
    IReadOnlyDictionary<string, Secret> Secrets,
    IReadOnlyCollection<string> Services);
