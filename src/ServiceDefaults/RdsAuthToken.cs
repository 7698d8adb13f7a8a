using System.Globalization;

namespace AppDelivery.Aspire.ServiceDefaults;

/// <summary>
/// An Amazon RDS IAM authentication token: the password a role granted <c>rds_iam</c> signs in with, valid for
/// 15 minutes for new connections (an open connection stays open). It is a SigV4 presigned
/// <c>connect</c> request for <c>rds-db</c>, as AWS SDKs generate it (AWSSDK.RDS is not used here: only AWSSDK.Core
/// is, for the credentials); <see cref="Sign"/> is checked against botocore's published test vector.
/// </summary>
public static class RdsAuthToken
{
    public static readonly TimeSpan Lifetime = SigV4Presigner.Lifetime;

    private const string Service = "rds-db";

    /// <summary>A token for <paramref name="user"/> signed with this process's AWS credentials (the ECS task role).</summary>
    /// <remarks>The region is <c>AWS_REGION</c> (set by the deployment and by ECS).</remarks>
    public static async ValueTask<string> GenerateAsync(string host, int port, string user, CancellationToken cancellationToken)
    {
        var (region, credentials) = await SigV4Presigner.ResolveAsync("RDS auth token", cancellationToken).ConfigureAwait(false);
        return Sign(host, port, user, region, credentials.AccessKey, credentials.SecretKey,
            credentials.UseToken ? credentials.Token : null, DateTime.UtcNow);
    }

    /// <returns><c>host:port/?Action=connect&amp;DBUser=...&amp;X-Amz-Signature=...</c></returns>
    public static string Sign(
        string host, int port, string user, string region, string accessKeyId, string secretAccessKey, string? sessionToken, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(user);
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["Action"] = "connect", ["DBUser"] = user };
        return SigV4Presigner.Presign(
            $"{host}:{port.ToString(CultureInfo.InvariantCulture)}", Service, parameters, region, accessKeyId, secretAccessKey, sessionToken, utcNow);
    }
}
