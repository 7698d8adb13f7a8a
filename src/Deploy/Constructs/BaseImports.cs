using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SSM;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="ZoneName">The settings' domain; <c>null</c> without one.</param>
public sealed record BaseImportsProps(string AppName, IReadOnlyList<string> AvailabilityZones, string? ZoneName);

/// <summary>
/// The base stack's network, access-log bucket, zone and certificate, read from the SSM parameters that
/// <see cref="BaseParameters"/> writes (resolved by CloudFormation at deploy time; nothing is looked up at synthesis).
/// </summary>
public sealed class BaseImports : Construct
{
    public BaseImports(Construct scope, string id, BaseImportsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var zones = props.AvailabilityZones.Count;
        string Value(string parameter) => StringParameter.ValueForStringParameter(this, BaseParameters.Name(props.AppName, parameter));
        string[] Subnets(string parameter) => Fn.Split(",", Value(parameter), zones);

        Vpc = Amazon.CDK.AWS.EC2.Vpc.FromVpcAttributes(this, "Vpc", new VpcAttributes
        {
            VpcId = Value(BaseParameters.VpcId),
            AvailabilityZones = props.AvailabilityZones.ToArray(),
            PublicSubnetIds = Subnets(BaseParameters.PublicSubnetIds),
            PrivateSubnetIds = Subnets(BaseParameters.PrivateSubnetIds),
            IsolatedSubnetIds = Subnets(BaseParameters.IsolatedSubnetIds),
        });
        AccessLogs = Bucket.FromBucketName(this, "AccessLogs", Value(BaseParameters.AccessLogBucket));
        if (props.ZoneName is { } zoneName)
        {
            Zone = HostedZone.FromHostedZoneAttributes(this, "Zone", new HostedZoneAttributes
            {
                HostedZoneId = Value(BaseParameters.HostedZoneId),
                ZoneName = zoneName,
            });
            Certificate = Amazon.CDK.AWS.CertificateManager.Certificate.FromCertificateArn(this, "Certificate", Value(BaseParameters.CertificateArn));
        }
    }

    public IVpc Vpc { get; }

    public IBucket AccessLogs { get; }

    public IHostedZone? Zone { get; }

    public ICertificate? Certificate { get; }
}
