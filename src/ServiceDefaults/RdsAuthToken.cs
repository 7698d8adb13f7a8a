using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Credentials;

namespace AppDelivery.Aspire.ServiceDefaults;

/// <summary>
/// An Amazon RDS IAM authentication token: the password a role granted <c>rds_iam</c> signs in with, valid for
/// 15 minutes for new connections (an open connection stays open). It is a SigV4 presigned
/// <c>connect</c> request for <c>rds-db</c>, as AWS SDKs generate it (AWSSDK.RDS is not used here: only AWSSDK.Core
/// is, for the credentials); <see cref="Sign"/> is checked against botocore's published test vector.
/// </summary>
public static class RdsAuthToken
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private const string Service = "rds-db";
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>A token for <paramref name="user"/> signed with this process's AWS credentials (the ECS task role).</summary>
    /// <remarks>The region is <c>AWS_REGION</c> (set by the deployment and by ECS).</remarks>
    public static async ValueTask<string> GenerateAsync(string host, int port, string user, CancellationToken cancellationToken)
    {
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? throw new InvalidOperationException("AWS_REGION is not set: the RDS auth token names the region of the database.");
        var identity = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
        var credentials = await identity.GetCredentialsAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return Sign(host, port, user, region, credentials.AccessKey, credentials.SecretKey,
            credentials.UseToken ? credentials.Token : null, DateTime.UtcNow);
    }

    /// <returns><c>host:port/?Action=connect&amp;DBUser=...&amp;X-Amz-Signature=...</c></returns>
    public static string Sign(
        string host, int port, string user, string region, string accessKeyId, string secretAccessKey, string? sessionToken, DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        var hostAndPort = $"{host}:{port.ToString(CultureInfo.InvariantCulture)}";
        var date = utcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{Service}/aws4_request";
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Action"] = "connect",
            ["DBUser"] = user,
            ["X-Amz-Algorithm"] = Algorithm,
            ["X-Amz-Credential"] = $"{accessKeyId}/{scope}",
            ["X-Amz-Date"] = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            ["X-Amz-Expires"] = ((int)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-Amz-SignedHeaders"] = "host",
        };
        if (sessionToken is not null)
        {
            parameters["X-Amz-Security-Token"] = sessionToken;
        }

        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var emptyPayload = Hex(SHA256.HashData([]));
        var canonicalRequest = $"GET\n/\n{query}\nhost:{hostAndPort}\n\nhost\n{emptyPayload}";
        var stringToSign = $"{Algorithm}\n{parameters["X-Amz-Date"]}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { date, region, Service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return $"{hostAndPort}/?{query}&X-Amz-Signature={signature}";
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
