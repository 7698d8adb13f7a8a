using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record CloudFrontEdgeProps(string Name, IApplicationLoadBalancer LoadBalancer, OriginVerification Origin);

/// <summary>
/// HTTPS for users without a domain of their own: a CloudFront distribution on its default certificate
/// (<c>https://dxxxx.cloudfront.net</c>, HTTP redirected) in front of the load balancer. Nothing is cached:
/// every request, with its headers, cookies and query string (the Host header excepted), goes to the app.
/// </summary>
public sealed class CloudFrontEdge : Construct
{
    public CloudFrontEdge(Construct scope, string id, CloudFrontEdgeProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Distribution = new Distribution(this, "Distribution", new DistributionProps
        {
            Comment = props.Name,
            DefaultBehavior = new BehaviorOptions
            {
                // The load balancer has no certificate for its amazonaws.com name: CloudFront reaches it over HTTP.
                Origin = new HttpOrigin(props.LoadBalancer.LoadBalancerDnsName, new HttpOriginProps
                {
                    ProtocolPolicy = OriginProtocolPolicy.HTTP_ONLY,
                    CustomHeaders = new Dictionary<string, string> { [OriginVerification.HeaderName] = props.Origin.HeaderValue },
                }),
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                AllowedMethods = AllowedMethods.ALLOW_ALL,
                CachePolicy = CachePolicy.CACHING_DISABLED,
                OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
            },
            HttpVersion = HttpVersion.HTTP2_AND_3,
            PriceClass = PriceClass.PRICE_CLASS_100,
        });
        Url = $"https://{Distribution.DistributionDomainName}";
    }

    public Distribution Distribution { get; }

    public string Url { get; }
}
