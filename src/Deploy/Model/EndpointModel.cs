namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>
/// An HTTP endpoint of a workload. In the cloud every container listens on <see cref="ContainerPort"/>
/// in plain HTTP; TLS ends at the load balancer, and internal calls go over Service Connect.
/// </summary>
public sealed record EndpointModel(string Name, string Scheme, bool External)
{
    public const int ContainerPort = 8080;
}
