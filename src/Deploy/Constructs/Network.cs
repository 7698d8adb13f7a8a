using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record NetworkProps(IReadOnlyList<string> AvailabilityZones, int NatGateways, RetentionDays FlowLogRetention);

/// <summary>
/// The shared VPC: public subnets (load balancers, NAT), private subnets with egress (tasks) and isolated
/// subnets (Aurora, cache), one of each per availability zone, with all traffic flow-logged.
/// </summary>
public sealed class Network : Construct
{
    public Network(Construct scope, string id, NetworkProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (props.AvailabilityZones.Count < 2)
        {
            throw new ArgumentException("Aurora and the load balancer need at least 2 availability zones.", nameof(props));
        }

        if (props.NatGateways < 1)
        {
            throw new ArgumentException("Tasks pull images and reach AWS APIs through NAT: at least 1 NAT gateway.", nameof(props));
        }

        FlowLogs = new LogGroup(this, "FlowLogs", new LogGroupProps
        {
            Retention = props.FlowLogRetention,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr("10.0.0.0/16"),
            AvailabilityZones = props.AvailabilityZones.ToArray(),
            NatGateways = props.NatGateways,
            SubnetConfiguration = new ISubnetConfiguration[]
            {
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "private", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
                new SubnetConfiguration { Name = "isolated", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            },
            GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions>
            {
                // Free, and keeps image layer pulls (served from S3) off the NAT gateway.
                ["S3"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 },
            },
            FlowLogs = new Dictionary<string, IFlowLogOptions>
            {
                ["All"] = new FlowLogOptions
                {
                    Destination = FlowLogDestination.ToCloudWatchLogs(FlowLogs),
                    TrafficType = FlowLogTrafficType.ALL,
                },
            },
        });
    }

    public Vpc Vpc { get; }

    public LogGroup FlowLogs { get; }
}
