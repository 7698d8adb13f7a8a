using Amazon.CDK.AWS.WAFv2;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="BehindCloudFront">
/// The load balancer sees CloudFront's addresses: the rate limit counts the client address CloudFront puts first in
/// <c>X-Forwarded-For</c> (a client can prepend its own, so this limits casual floods, not a determined attacker).
/// </param>
/// <param name="RequestsPerFiveMinutes">Per client IP; above it requests are blocked.</param>
public sealed record WebFirewallProps(string Name, string LoadBalancerArn, bool BehindCloudFront, int RequestsPerFiveMinutes = 2000);

/// <summary>WAF web ACL on the load balancer: AWS managed common and known-bad-inputs rules, and a per-IP rate limit.</summary>
public sealed class WebFirewall : Construct
{
    public WebFirewall(Construct scope, string id, WebFirewallProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        WebAcl = new CfnWebACL(this, "WebAcl", new CfnWebACLProps
        {
            Name = props.Name,
            Scope = "REGIONAL",
            DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
            VisibilityConfig = Visibility(props.Name),
            Rules = new object[]
            {
                ManagedRule("AWSManagedRulesCommonRuleSet", 0),
                ManagedRule("AWSManagedRulesKnownBadInputsRuleSet", 1),
                new CfnWebACL.RuleProperty
                {
                    Name = "RateLimitPerIp",
                    Priority = 2,
                    Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
                    Statement = new CfnWebACL.StatementProperty
                    {
                        RateBasedStatement = new CfnWebACL.RateBasedStatementProperty
                        {
                            Limit = props.RequestsPerFiveMinutes,
                            AggregateKeyType = props.BehindCloudFront ? "FORWARDED_IP" : "IP",
                            ForwardedIpConfig = props.BehindCloudFront
                                ? new CfnWebACL.ForwardedIPConfigurationProperty { HeaderName = "X-Forwarded-For", FallbackBehavior = "MATCH" }
                                : null,
                        },
                    },
                    VisibilityConfig = Visibility("RateLimitPerIp"),
                },
            },
        });
        _ = new CfnWebACLAssociation(this, "Association", new CfnWebACLAssociationProps
        {
            ResourceArn = props.LoadBalancerArn,
            WebAclArn = WebAcl.AttrArn,
        });
    }

    public CfnWebACL WebAcl { get; }

    private static CfnWebACL.RuleProperty ManagedRule(string name, int priority) => new()
    {
        Name = name,
        Priority = priority,
        OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
        Statement = new CfnWebACL.StatementProperty
        {
            ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty { VendorName = "AWS", Name = name },
        },
        VisibilityConfig = Visibility(name),
    };

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metric) => new()
    {
        CloudWatchMetricsEnabled = true,
        SampledRequestsEnabled = true,
        MetricName = metric,
    };
}
