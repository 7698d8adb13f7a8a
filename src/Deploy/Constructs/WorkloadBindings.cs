using Amazon.CDK.AWS.SecretsManager;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>What a workload's environment can refer to in AWS; null members do not exist in this app.</summary>
/// <param name="DatabaseServers">One Aurora cluster per PostgreSQL server of the app.</param>
/// <param name="Caches">By manifest resource name.</param>
/// <param name="Services">The services with endpoints, by name: what Service Connect resolves.</param>
/// <param name="ComposedSecrets">Where a value embedding generated secrets becomes a secret of its own; null: such a value is refused.</param>
public sealed record WorkloadBindings(
    IReadOnlyList<AuroraDatabase> DatabaseServers,
    IReadOnlyDictionary<string, ServerlessCache> Caches,
    IReadOnlyDictionary<string, ISecret> Secrets,
    IReadOnlyDictionary<string, WorkloadModel> Services,
    ComposedSecrets? ComposedSecrets = null);
