namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>
/// The application as the cloud needs it: what runs, what it talks to, which secrets it needs.
/// Neutral: built from an Aspire manifest by <c>ManifestReader</c>, turned into AWS by the stacks.
/// </summary>
public sealed record ApplicationModel(
    IReadOnlyList<WorkloadModel> Workloads,
    IReadOnlyList<DatabaseServerModel> DatabaseServers,
    IReadOnlyList<CacheModel> Caches,
    IReadOnlyList<SecretModel> Secrets)
{
    public IEnumerable<WorkloadModel> Services => Workloads.Where(w => w.Kind == WorkloadKind.Service);

    public IEnumerable<WorkloadModel> Jobs => Workloads.Where(w => w.Kind == WorkloadKind.Job);

    public IEnumerable<DatabaseModel> Databases => DatabaseServers.SelectMany(s => s.Databases);

    /// <summary>The secrets without a generation rule: an operator sets them.</summary>
    public IEnumerable<SecretModel> OperatorSecrets => Secrets.Where(s => s.Generate is null);

    public IEnumerable<SecretModel> GeneratedSecrets => Secrets.Where(s => s.Generate is not null);
}
