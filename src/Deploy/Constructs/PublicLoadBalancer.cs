using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using AppDelivery.Aspire.Deploy.Model;
using Constructs;
using HealthCheck = Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record PublicLoadBalancerProps
{
    public required IVpc Vpc { get; init; }

    /// <summary>With one: HTTPS on 443 and HTTP redirected to it; without: HTTP only.</summary>
    public required ICertificate? Certificate { get; init; }

    /// <summary>
    /// With one (and no certificate): HTTP from CloudFront only, and only requests carrying the origin header;
    /// anything else gets 403. Without: open to the internet.
    /// </summary>
    public required OriginVerification? CloudFrontOrigin { get; init; }

    /// <summary>With one: an alias record <c>{Hostname}.{zone}</c>.</summary>
    public required IHostedZone? Zone { get; init; }

    public required string Hostname { get; init; }

    public required IBucket AccessLogs { get; init; }

    /// <summary>Prefix of this load balancer's logs in <paramref name="AccessLogs"/>.</summary>
    public required string AccessLogPrefix { get; init; }

    public required bool Production { get; init; }
}

/// <summary>The internet-facing load balancer of an environment, in front of its external service.</summary>
public sealed class PublicLoadBalancer : Construct
{
    private ApplicationTargetGroup? targetGroup;

    public PublicLoadBalancer(Construct scope, string id, PublicLoadBalancerProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Vpc,
            AllowAllOutbound = false,
            Description = props.CloudFrontOrigin is null ? "Public load balancer: HTTP(S) from the internet" : "Public load balancer: HTTP from CloudFront",
        });
        LoadBalancer = new ApplicationLoadBalancer(this, "LoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = props.Vpc,
            InternetFacing = true,
            SecurityGroup = SecurityGroup,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
            DropInvalidHeaderFields = true,
            DeletionProtection = props.Production,
        });

        // Set directly: LogAccessLogs would edit the base stack's bucket policy from this stack.
        LoadBalancer.SetAttribute("access_logs.s3.enabled", "true");
        LoadBalancer.SetAttribute("access_logs.s3.bucket", props.AccessLogs.BucketName);
        LoadBalancer.SetAttribute("access_logs.s3.prefix", props.AccessLogPrefix);

        if (props.Certificate is { } certificate)
        {
            Listener = LoadBalancer.AddListener("Https", new BaseApplicationListenerProps
            {
                Port = 443,
                Protocol = ApplicationProtocol.HTTPS,
                Certificates = new IListenerCertificate[] { ListenerCertificate.FromCertificateManager(certificate) },
                SslPolicy = SslPolicy.RECOMMENDED_TLS,
                Open = true,
            });
            LoadBalancer.AddRedirect(new ApplicationLoadBalancerRedirectConfig { SourcePort = 80, TargetPort = 443 });
        }
        else
        {
            CloudFrontOrigin = props.CloudFrontOrigin;
            Listener = LoadBalancer.AddListener("Http", new BaseApplicationListenerProps
            {
                Port = 80,
                Protocol = ApplicationProtocol.HTTP,
                Open = CloudFrontOrigin is null,
                DefaultAction = CloudFrontOrigin is null
                    ? null
                    : ListenerAction.FixedResponse(403, new FixedResponseOptions { ContentType = "text/plain", MessageBody = "Forbidden" }),
            });
            if (CloudFrontOrigin is not null)
            {
                SecurityGroup.AddIngressRule(
                    Peer.PrefixList(CloudFrontOrigin.PrefixListId), Port.Tcp(80), "HTTP from CloudFront's origin-facing servers");
            }
        }

        var scheme = props.Certificate is null ? "http" : "https";
        if (props.Zone is { } zone)
        {
            _ = new ARecord(this, "Alias", new ARecordProps
            {
                Zone = zone,
                RecordName = props.Hostname,
                Target = RecordTarget.FromAlias(new Amazon.CDK.AWS.Route53.Targets.LoadBalancerTarget(LoadBalancer)),
            });
            Url = $"{scheme}://{props.Hostname}.{zone.ZoneName}";
        }
        else
        {
            Url = $"{scheme}://{LoadBalancer.LoadBalancerDnsName}";
        }
    }

    public ApplicationLoadBalancer LoadBalancer { get; }

    public ApplicationListener Listener { get; }

    public SecurityGroup SecurityGroup { get; }

    /// <summary>Set when only CloudFront may reach this load balancer.</summary>
    public OriginVerification? CloudFrontOrigin { get; }

    public string Url { get; }

    public ApplicationTargetGroup TargetGroup =>
        targetGroup ?? throw new InvalidOperationException("No service is behind the load balancer yet.");

    /// <summary>Routes all traffic to <paramref name="service"/>, health-checked on <c>/alive</c>.</summary>
    public ApplicationTargetGroup Route(string workload, FargateService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (targetGroup is not null)
        {
            throw new NotSupportedException(
                $"'{workload}' is a second external service; one environment has one public entry point (put others behind it).");
        }

        targetGroup = Listener.AddTargets(NameCase.Pascal(workload), new AddApplicationTargetsProps
        {
            Port = EndpointModel.ContainerPort,
            Protocol = ApplicationProtocol.HTTP,
            Targets = new IApplicationLoadBalancerTarget[]
            {
                service.LoadBalancerTarget(new LoadBalancerTargetOptions
                {
                    ContainerName = workload,
                    ContainerPort = EndpointModel.ContainerPort,
                }),
            },
            HealthCheck = new HealthCheck
            {
                Path = HealthPaths.Liveness,
                HealthyHttpCodes = "200",
                Interval = Duration.Seconds(15),
                HealthyThresholdCount = 2,
                UnhealthyThresholdCount = 3,
            },
            DeregistrationDelay = Duration.Seconds(30),
            Priority = CloudFrontOrigin is null ? null : 1,
            Conditions = CloudFrontOrigin is null
                ? null
                : new[] { ListenerCondition.HttpHeader(OriginVerification.HeaderName, new[] { CloudFrontOrigin.HeaderValue }) },
        });
        return targetGroup;
    }
}
