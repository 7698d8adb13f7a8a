namespace AppDelivery.Aspire.Deploy.Model;

public enum WorkloadKind
{
    /// <summary>Long-running: an ECS service.</summary>
    Service,

    /// <summary>Run once per deployment and must exit 0 before services roll (e.g. migrations).</summary>
    Job,
}
