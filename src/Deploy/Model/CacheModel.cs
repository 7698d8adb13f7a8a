namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>A cache of the app (Valkey or Redis locally; ElastiCache Serverless for Valkey in AWS).</summary>
/// <param name="Resource">Manifest name, e.g. <c>cache</c>: the connection name.</param>
/// <param name="Engine"><c>valkey</c> or <c>redis</c>, from the local image.</param>
public sealed record CacheModel(string Resource, string Engine);
