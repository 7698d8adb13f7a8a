using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="PrefixListId">CloudFront's origin-facing prefix list in the stack's region.</param>
public sealed record OriginVerificationProps(string PrefixListId);

/// <summary>
/// What lets only this environment's CloudFront distribution reach its load balancer: the network (CloudFront's
/// origin-facing prefix list, shared by every distribution) and a random header value only this distribution sends.
/// The value lives in Secrets Manager; the template holds a dynamic reference that CloudFormation resolves on deploy.
/// </summary>
public sealed class OriginVerification : Construct
{
    public const string HeaderName = "X-Origin-Verify";
    public const string SecretLogicalId = "CloudFrontOriginSecret";

    public OriginVerification(Construct scope, string id, OriginVerificationProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        PrefixListId = props.PrefixListId;
        var secret = new Secret(this, "Secret", new SecretProps
        {
            Description = $"Value of the {HeaderName} header CloudFront sends to the load balancer; changes take a stack update.",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 48, ExcludePunctuation = true, IncludeSpace = false },
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        StableIds.Pin(secret, SecretLogicalId);
        HeaderValue = secret.SecretValue.UnsafeUnwrap();
    }

    public string PrefixListId { get; }

    /// <summary>A <c>{{resolve:secretsmanager:…}}</c> reference, never the value.</summary>
    public string HeaderValue { get; }
}
