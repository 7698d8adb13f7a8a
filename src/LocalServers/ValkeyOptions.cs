namespace AppDelivery.Aspire.LocalServers;

/// <summary>How to start a <see cref="ValkeyServer"/>.</summary>
public sealed record ValkeyOptions
{
    /// <summary>
    /// Runs a one-node cluster owning all 16384 slots, as ElastiCache Serverless does: clients must then keep
    /// multi-key commands within one hash slot.
    /// </summary>
    public bool ClusterMode { get; init; }
}
