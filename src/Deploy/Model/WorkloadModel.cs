namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>A .NET project of the AppHost: a service or a run-once job, one container image each.</summary>
/// <param name="Name">Aspire resource name; also the Service Connect name other services call.</param>
/// <param name="ProjectPath">Project file path as written in the manifest (relative to it).</param>
public sealed record WorkloadModel(
    string Name,
    string ProjectPath,
    WorkloadKind Kind,
    IReadOnlyList<EndpointModel> Endpoints,
    IReadOnlyList<EnvironmentVariable> Environment)
{
    /// <summary>Reachable from the internet (through the load balancer).</summary>
    public bool IsExternal => Endpoints.Any(e => e.External);

    /// <summary>Has an HTTP endpoint at all (a job or worker may not).</summary>
    public bool HasHttpEndpoint => Endpoints.Count > 0;
}
