using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SSM;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record BaseParametersProps(string AppName, IVpc Vpc, IBucket AccessLogs, IHostedZone? Zone, ICertificate? Certificate);

/// <summary>
/// What environment stacks need from the base stack, as SSM parameters under <c>/{app}/base/</c> instead of
/// CloudFormation exports: an export that any environment imports can neither change nor disappear, so
/// exports would lock the base stack whenever an app change stops using one (a removed workload, no public
/// service). <see cref="BaseImports"/> reads them.
/// </summary>
public sealed class BaseParameters : Construct
{
    public const string VpcId = "vpc-id";
    public const string PublicSubnetIds = "public-subnet-ids";
    public const string PrivateSubnetIds = "private-subnet-ids";
    public const string IsolatedSubnetIds = "isolated-subnet-ids";
    public const string AccessLogBucket = "access-log-bucket";
    public const string HostedZoneId = "hosted-zone-id";
    public const string CertificateArn = "certificate-arn";

    public BaseParameters(Construct scope, string id, BaseParametersProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [VpcId] = props.Vpc.VpcId,
            [PublicSubnetIds] = Fn.Join(",", props.Vpc.PublicSubnets.Select(s => s.SubnetId).ToArray()),
            [PrivateSubnetIds] = Fn.Join(",", props.Vpc.PrivateSubnets.Select(s => s.SubnetId).ToArray()),
            [IsolatedSubnetIds] = Fn.Join(",", props.Vpc.IsolatedSubnets.Select(s => s.SubnetId).ToArray()),
            [AccessLogBucket] = props.AccessLogs.BucketName,
        };
        if (props.Zone is not null && props.Certificate is not null)
        {
            values[HostedZoneId] = props.Zone.HostedZoneId;
            values[CertificateArn] = props.Certificate.CertificateArn;
        }

        foreach (var (name, value) in values)
        {
            _ = new StringParameter(this, name, new StringParameterProps
            {
                ParameterName = Name(props.AppName, name),
                StringValue = value,
                Description = $"{props.AppName} base stack: {name}, read by every environment stack",
            });
        }
    }

    public static string Name(string appName, string parameter) => $"/{appName}/base/{parameter}";
}
