namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>A .NET project or a container of the AppHost: a service or a run-once job, one container image each.</summary>
/// <param name="Name">Aspire resource name; also the Service Connect name other workloads call.</param>
public sealed record WorkloadModel(
    string Name,
    WorkloadImage Image,
    WorkloadKind Kind,
    IReadOnlyList<EndpointModel> Endpoints,
    IReadOnlyList<EnvironmentVariable> Environment)
{
    /// <summary>Container command arguments (a container's <c>args</c>); empty: the image's own.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>Container entry point (a container's <c>entrypoint</c>); null: the image's own.</summary>
    public string? Entrypoint { get; init; }

    /// <summary>Reachable from the internet (through the load balancer).</summary>
    public bool IsExternal => Endpoints.Any(e => e.External);

    /// <summary>Has an endpoint at all (a job or worker may not).</summary>
    public bool HasEndpoint => Endpoints.Count > 0;

    /// <summary>The endpoint the load balancer sends traffic to.</summary>
    public EndpointModel? ExternalEndpoint => Endpoints.FirstOrDefault(e => e.External);

    public bool IsProject => Image is ProjectImage;
}
