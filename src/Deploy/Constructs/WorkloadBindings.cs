using Amazon.CDK.AWS.SecretsManager;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>What a workload's environment can refer to in AWS; null members do not exist in this app.</summary>
/// <param name="Caches">By manifest resource name.</param>
/// <param name="Services">The services with endpoints, by name: what Service Connect resolves.</param>
/// <param name="ComposedSecrets">Where a value embedding generated secrets becomes a secret of its own; null: such a value is refused.</param>
public sealed record WorkloadBindings(
    AuroraDatabase? Database,
    IReadOnlyDictionary<string, ServerlessCache> Caches,
    IReadOnlyDictionary<string, Secret> Secrets,
    IReadOnlyDictionary<string, WorkloadModel> Services,
    ComposedSecrets? ComposedSecrets = null);
