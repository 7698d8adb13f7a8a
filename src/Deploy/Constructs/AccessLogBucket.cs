using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="RetentionDays">Days access logs are kept.</param>
public sealed record AccessLogBucketProps(int RetentionDays = 90);

/// <summary>
/// The bucket every environment's load balancer writes access logs to, under its own prefix. It lives in
/// the base stack so a preview environment holds no bucket that would need emptying before deletion.
/// </summary>
public sealed class AccessLogBucket : Construct
{
    public const string BucketLogicalId = "AlbAccessLogBucket";

    public AccessLogBucket(Construct scope, string id, AccessLogBucketProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            // Load balancer log delivery only supports SSE-S3.
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            RemovalPolicy = RemovalPolicy.RETAIN,
            LifecycleRules = new ILifecycleRule[] { new LifecycleRule { Expiration = Duration.Days(props.RetentionDays) } },
        });
        StableIds.Pin(Bucket, BucketLogicalId);

        // Regions older than 2022 deliver as the regional ELB account, newer ones as the service principal.
        var principals = new List<IPrincipal> { new ServicePrincipal("logdelivery.elasticloadbalancing.amazonaws.com") };
        if (Amazon.CDK.RegionInfo.RegionInfo.Get(stack.Region).Elbv2Account is { } elbAccount)
        {
            principals.Add(new AccountPrincipal(elbAccount));
        }

        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "LoadBalancerLogDelivery",
            Principals = principals.ToArray(),
            Actions = new[] { "s3:PutObject" },
            Resources = new[] { Bucket.ArnForObjects($"*/AWSLogs/{stack.Account}/*") },
        }));
    }

    public Bucket Bucket { get; }
}
