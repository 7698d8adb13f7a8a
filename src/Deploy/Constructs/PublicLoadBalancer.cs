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

/// <summary>
/// The internet-facing load balancer of an environment, in front of its external services: the first one routed
/// answers at <see cref="Url"/> (the listener's default); each further one at its own host name
/// <c>{Hostname}-{workload}.{zone}</c> (a listener rule on the Host header, covered by the zone's wildcard certificate).
/// </summary>
public sealed class PublicLoadBalancer : Construct
{
    private readonly PublicLoadBalancerProps props;
    // Priority 1 is the CloudFront origin rule's.
    private readonly HashSet<int> rulePriorities = [1];
    private ApplicationTargetGroup? targetGroup;

    public PublicLoadBalancer(Construct scope, string id, PublicLoadBalancerProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        this.props = props;
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

        Url = props.Zone is not null ? AddAlias("Alias", props.Hostname) : $"{Scheme}://{LoadBalancer.LoadBalancerDnsName}";
    }

    public ApplicationLoadBalancer LoadBalancer { get; }

    public ApplicationListener Listener { get; }

    public SecurityGroup SecurityGroup { get; }

    /// <summary>Set when only CloudFront may reach this load balancer.</summary>
    public OriginVerification? CloudFrontOrigin { get; }

    public string Url { get; }

    private string Scheme => props.Certificate is null ? "http" : "https";

    public ApplicationTargetGroup TargetGroup =>
        targetGroup ?? throw new InvalidOperationException("No service is behind the load balancer yet.");

    /// <summary>
    /// Routes the first service's traffic by default, and each further one's by its host name (which needs the zone).
    /// Projects are health-checked on <c>/alive</c>; other containers on <c>/</c>, any non-error answer.
    /// </summary>
    /// <returns>The target group, and the URL the service answers at.</returns>
    public (ApplicationTargetGroup TargetGroup, string Url) Route(string workload, FargateService service, EndpointModel endpoint, bool isProject)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(endpoint);
        var url = Url;
        ListenerCondition[]? conditions = null;
        int? priority = null;
        if (targetGroup is not null)
        {
            var zone = props.Zone ?? throw new NotSupportedException(
                $"'{workload}' is a second external service; without a domain the load balancer has one entry point.");
            var hostname = $"{props.Hostname}-{workload}";
            url = AddAlias($"Alias{NameCase.Pascal(workload)}", hostname);
            conditions = [ListenerCondition.HostHeaders([$"{hostname}.{zone.ZoneName}"])];
            priority = RulePriority(workload);
        }
        else if (CloudFrontOrigin is { } origin)
        {
            // Behind CloudFront the listener's default action refuses: only requests carrying the origin secret pass.
            conditions = [ListenerCondition.HttpHeader(OriginVerification.HeaderName, [origin.HeaderValue])];
            priority = 1;
        }

        var routed = Listener.AddTargets(NameCase.Pascal(workload), new AddApplicationTargetsProps
        {
            Port = endpoint.Port,
            Protocol = ApplicationProtocol.HTTP,
            Conditions = conditions,
            Priority = priority,
            Targets = new IApplicationLoadBalancerTarget[]
            {
                service.LoadBalancerTarget(new LoadBalancerTargetOptions
                {
                    ContainerName = workload,
                    ContainerPort = endpoint.Port,
                }),
            },
            HealthCheck = new HealthCheck
            {
                Path = isProject ? HealthPaths.Liveness : "/",
                HealthyHttpCodes = isProject ? "200" : "200-399",
                Interval = Duration.Seconds(15),
                HealthyThresholdCount = 2,
                UnhealthyThresholdCount = 3,
            },
            DeregistrationDelay = Duration.Seconds(30),
        });
        targetGroup ??= routed;
        return (routed, url);
    }

    /// <summary>
    /// Derived from the name, not from the order of services, so that adding or removing one never moves another
    /// rule to a priority still held (CloudFormation deletes the old rule last).
    /// </summary>
    private int RulePriority(string workload)
    {
        var hash = 2166136261u;
        foreach (var c in workload)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        var priority = (int)(hash % 49_999u) + 1;
        while (!rulePriorities.Add(priority))
        {
            priority = (priority % 50_000) + 1;
        }

        return priority;
    }

    private string AddAlias(string id, string hostname)
    {
        var zone = props.Zone!;
        _ = new ARecord(this, id, new ARecordProps
        {
            Zone = zone,
            RecordName = hostname,
            Target = RecordTarget.FromAlias(new Amazon.CDK.AWS.Route53.Targets.LoadBalancerTarget(LoadBalancer)),
        });
        return $"{Scheme}://{hostname}.{zone.ZoneName}";
    }
}
