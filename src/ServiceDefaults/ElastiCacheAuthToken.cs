namespace AppDelivery.Aspire.ServiceDefaults;

/// <summary>
/// An ElastiCache IAM authentication token for a serverless cache: the password an IAM-enabled ElastiCache user
/// signs in with (<c>AUTH user token</c>), valid for 15 minutes for new connections; ElastiCache closes a connection
/// after 12 hours, and the client then reconnects with a fresh one. It is a SigV4 presigned <c>connect</c> request
/// for <c>elasticache</c> to <c>http://{cache name}/</c>, as AWS's ElastiCache examples generate it.
/// </summary>
public static class ElastiCacheAuthToken
{
    private const string Service = "elasticache";

    /// <summary>A token for <paramref name="user"/> signed with this process's AWS credentials (the ECS task role).</summary>
    /// <remarks>The region is <c>AWS_REGION</c> (set by the deployment and by ECS).</remarks>
    public static async ValueTask<string> GenerateAsync(string cacheName, string user, CancellationToken cancellationToken)
    {
        var (region, credentials) = await SigV4Presigner.ResolveAsync("ElastiCache auth token", cancellationToken).ConfigureAwait(false);
        return Sign(cacheName, user, region, credentials.AccessKey, credentials.SecretKey,
            credentials.UseToken ? credentials.Token : null, DateTime.UtcNow);
    }

    /// <param name="cacheName">The serverless cache's name (lower case), not its endpoint.</param>
    /// <param name="user">The ElastiCache user, whose ID and name are equal for IAM authentication.</param>
    /// <returns><c>{cacheName}/?Action=connect&amp;ResourceType=ServerlessCache&amp;User=...&amp;X-Amz-Signature=...</c></returns>
    public static string Sign(
        string cacheName, string user, string region, string accessKeyId, string secretAccessKey, string? sessionToken, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheName);
        ArgumentException.ThrowIfNullOrEmpty(user);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = "connect",
            ["User"] = user,
            ["ResourceType"] = "ServerlessCache",
        };
        return SigV4Presigner.Presign(cacheName, Service, parameters, region, accessKeyId, secretAccessKey, sessionToken, utcNow);
    }
}
