namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>
/// An endpoint of a workload, reached by other workloads over Service Connect at <c>{workload}:{Port}</c>.
/// Projects listen on <see cref="ContainerPort"/> in plain HTTP; a container on its manifest <c>targetPort</c>.
/// TLS ends at the load balancer.
/// </summary>
/// <param name="Scheme"><c>http</c>, or <c>tcp</c> for any other TCP protocol (amqp, smtp, kafka...).</param>
public sealed record EndpointModel(string Name, string Scheme, bool External, int Port = EndpointModel.ContainerPort)
{
    public const int ContainerPort = 8080;

    public bool IsHttp => Scheme == "http";
}
