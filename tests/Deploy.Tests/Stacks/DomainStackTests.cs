using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using AppDelivery.Aspire.Deploy.Constructs;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

[Collection(CdkCollectionDefinition.Name)]
public sealed class DomainStackTests(DomainEnvironment fixture) : IClassFixture<DomainEnvironment>
{
    private JsonObject Json => fixture.EnvironmentJson;

    [Fact]
    public void Base_stack_holds_the_zone_and_a_dns_validated_wildcard_certificate()
    {
        Assert.Equal("AWS::Route53::HostedZone", (string?)fixture.BaseJson.Resource(PublicDomain.ZoneLogicalId)["Type"]);
        var certificate = fixture.BaseJson.Resource(PublicDomain.CertificateLogicalId).Properties();
        Assert.Equal($"*.{DomainEnvironment.ZoneName}", (string?)certificate["DomainName"]);
        Assert.Equal("DNS", (string?)certificate["ValidationMethod"]);
    }

    [Fact]
    public void Load_balancer_serves_https_and_redirects_http()
    {
        fixture.Environment.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Protocol"] = "HTTPS",
            ["Port"] = 443,
            ["Certificates"] = Match.AnyValue(),
        }));
        fixture.Environment.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Protocol"] = "HTTP",
            ["Port"] = 80,
            ["DefaultActions"] = new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Type"] = "redirect",
                    ["RedirectConfig"] = Match.ObjectLike(new Dictionary<string, object> { ["Protocol"] = "HTTPS", ["Port"] = "443" }),
                }),
            },
        }));
    }

    [Fact]
    public void Environment_host_name_points_at_the_load_balancer() =>
        fixture.Environment.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Name"] = $"staging.{DomainEnvironment.ZoneName}.",
            ["Type"] = "A",
            ["AliasTarget"] = Match.AnyValue(),
        }));

    [Fact]
    public void Existing_oidc_provider_is_imported_not_created()
    {
        Assert.Empty(fixture.BaseJson.Resources("AWS::IAM::OIDCProvider"));
        var trust = fixture.BaseJson.Resource(GitHubDeployRole.RoleLogicalId).Properties()["AssumeRolePolicyDocument"]!.ToJsonString();
        Assert.Contains(DomainEnvironment.ExistingOidcProvider, trust, StringComparison.Ordinal);
    }

    [Fact]
    public void Alarm_email_subscribes_to_the_topic_and_the_budget()
    {
        fixture.Environment.HasResourceProperties("AWS::SNS::Subscription", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = DomainEnvironment.AlarmEmail,
        }));
        var budget = Assert.Single(Json.Resources("AWS::Budgets::Budget")).Resource.Properties().ToJsonString();
        Assert.Contains(DomainEnvironment.AlarmEmail, budget, StringComparison.Ordinal);
    }
}
