using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>The Api with a one-node Valkey cluster, as ElastiCache Serverless runs.</summary>
public sealed class ClusterApiFixture : ApiFixture
{
    protected override ValkeyOptions CacheOptions => new() { ClusterMode = true };
}
