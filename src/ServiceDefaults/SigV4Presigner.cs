using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace AppDelivery.Aspire.ServiceDefaults;

/// <summary>
/// A SigV4 presigned <c>GET http://{host}/?...</c> without its scheme: the form of the IAM auth tokens of RDS and
/// ElastiCache, valid for 15 minutes. AWSSDK.Core supplies the credentials only.
/// </summary>
internal static class SigV4Presigner
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>How often a client renews its token: well within <see cref="Lifetime"/>.</summary>
    public static readonly TimeSpan RenewalInterval = TimeSpan.FromMinutes(10);

    /// <summary>How soon a client retries after a renewal failed.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>This process's AWS credentials (the ECS task role) and region (<c>AWS_REGION</c>, set by the deployment and by ECS).</summary>
    public static async ValueTask<(string Region, ImmutableCredentials Credentials)> ResolveAsync(string purpose, CancellationToken cancellationToken)
    {
        var region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION")
            ?? throw new InvalidOperationException($"AWS_REGION is not set: the {purpose} names the region.");
        var identity = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
        var credentials = await identity.GetCredentialsAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return (region, credentials);
    }

    /// <returns><c>{host}/?{parameters and X-Amz-*, sorted}&amp;X-Amz-Signature=...</c></returns>
    public static string Presign(
        string host,
        string service,
        IReadOnlyDictionary<string, string> parameters,
        string region,
        string accessKeyId,
        string secretAccessKey,
        string? sessionToken,
        DateTime utcNow)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        var date = utcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var query = new SortedDictionary<string, string>(parameters.ToDictionary(), StringComparer.Ordinal)
        {
            ["X-Amz-Algorithm"] = Algorithm,
            ["X-Amz-Credential"] = $"{accessKeyId}/{scope}",
            ["X-Amz-Date"] = utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
            ["X-Amz-Expires"] = ((int)Lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-Amz-SignedHeaders"] = "host",
        };
        if (sessionToken is not null)
        {
            query["X-Amz-Security-Token"] = sessionToken;
        }

        var canonicalQuery = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        var emptyPayload = Hex(SHA256.HashData([]));
        var canonicalRequest = $"GET\n/\n{canonicalQuery}\nhost:{host}\n\nhost\n{emptyPayload}";
        var stringToSign = $"{Algorithm}\n{query["X-Amz-Date"]}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in new[] { date, region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var signature = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return $"{host}/?{canonicalQuery}&X-Amz-Signature={signature}";
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
