using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

// Imported inside the namespace, so that Api, Web and Migrations mean these names even in an app whose own
// namespace ends in one of them (Contoso.Api): names from enclosing namespaces are looked up after this.
using static TestApplication;

[Collection(CdkCollectionDefinition.Name)]
public sealed class BaseStackTests(DevEnvironment dev, ProdEnvironment prod) : IClassFixture<DevEnvironment>, IClassFixture<ProdEnvironment>
{
    private JsonObject Json => dev.BaseJson;

    [Fact]
    public void Is_the_same_whichever_environment_is_deployed() =>
        Assert.True(JsonNode.DeepEquals(dev.BaseJson, prod.BaseJson), "The base stack must not depend on the environment.");

    [Fact]
    public void Vpc_spans_the_settings_zones_with_public_private_and_isolated_subnets()
    {
        Assert.Equal(6, Json.Resources("AWS::EC2::Subnet").Count());
        Assert.Equal(dev.Settings.NatGateways, Json.Resources("AWS::EC2::NatGateway").Count());
        var names = Json.Resources("AWS::EC2::Subnet").Select(s => s.Id).ToArray();
        foreach (var kind in new[] { "public", "private", "isolated" })
        {
            Assert.Equal(2, names.Count(n => n.Contains($"Vpc{kind}Subnet", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Committed_settings_give_every_zone_its_own_nat_gateway()
    {
        var gateways = Json.Resources("AWS::EC2::NatGateway").Select(g => g.Resource.Properties()["SubnetId"]!.ToJsonString()).ToArray();
        Assert.Equal(dev.Settings.AvailabilityZones.Count, gateways.Length);
        Assert.Equal(gateways.Length, gateways.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void All_vpc_traffic_is_flow_logged()
    {
        dev.Base.HasResourceProperties("AWS::EC2::FlowLog", Match.ObjectLike(new Dictionary<string, object>
        {
            ["ResourceType"] = "VPC",
            ["TrafficType"] = "ALL",
            ["LogDestinationType"] = "cloud-watch-logs",
        }));
    }

    [Fact]
    public void Each_workload_has_a_scanned_immutable_repository_with_a_lifecycle()
    {
        foreach (var workload in new[] { Api, Web, Migrations })
        {
            var repository = Json.Resource(ContainerRepositories.LogicalId(workload));
            var properties = repository.Properties();
            Assert.Equal($"{dev.Settings.AppName}/{workload}", (string?)properties["RepositoryName"]);
            Assert.True((bool)properties["ImageScanningConfiguration"]!["ScanOnPush"]!);
            Assert.Equal("IMMUTABLE", (string?)properties["ImageTagMutability"]);
            Assert.Contains("imageCountMoreThan", (string?)properties["LifecyclePolicy"]!["LifecyclePolicyText"], StringComparison.Ordinal);
            Assert.Equal("Retain", (string?)repository["DeletionPolicy"]);
        }
    }

    [Fact]
    public void Deploy_role_trusts_only_the_repositorys_named_environments_not_previews()
    {
        var role = Json.Resource(GitHubDeployRole.RoleLogicalId).Properties();
        var statement = Assert.Single(role["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("sts:AssumeRoleWithWebIdentity", (string?)statement["Action"]);
        Assert.Equal("sts.amazonaws.com", (string?)statement["Condition"]!["StringEquals"]!["token.actions.githubusercontent.com:aud"]);
        var repository = dev.Settings.GitHub.Repository;
        Assert.Equal(
            new[] { "dev", "prod", "staging" }.Select(e => $"repo:{repository}:environment:{e}"),
            statement["Condition"]!["StringLike"]!["token.actions.githubusercontent.com:sub"]!.AsArray().Select(s => (string)s!).Order(StringComparer.Ordinal));
        Assert.Contains(GitHubDeployRole.ProviderLogicalId, statement["Principal"]!["Federated"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_role_may_only_assume_the_cdk_bootstrap_roles_and_push_images()
    {
        var statements = Json.PolicyStatements().Where(s => s.Id.StartsWith("GitHubRole", StringComparison.Ordinal)).Select(s => s.Statement).ToArray();
        var assume = statements.Single(s => (string?)s["Sid"] == "AssumeCdkBootstrapRoles");
        var roles = assume["Resource"].AsList().Select(r => r.ToJsonString()).ToArray();
        Assert.Equal(3, roles.Length);
        var (account, region) = (RepositoryPaths.CommittedSettings.Account, RepositoryPaths.CommittedSettings.Region);
        Assert.All(roles, r => Assert.Matches($"role/cdk-hnb659fds-(deploy|file-publishing|image-publishing)-role-{account}-{region}", r));
        var actions = statements.SelectMany(s => s["Action"].AsList()).Select(a => (string)a!).Distinct().ToArray();
        Assert.All(actions, a => Assert.Matches("^(sts:AssumeRole|sts:TagSession|ecr:.*)$", a));
    }

    [Fact]
    public void Preview_role_is_trusted_only_by_preview_environments()
    {
        var trust = Json.Resource(GitHubPreviewRole.RoleLogicalId).Properties()["AssumeRolePolicyDocument"]!["Statement"]![0]!;
        Assert.Equal(
            $"repo:{dev.Settings.GitHub.Repository}:environment:pr-*",
            (string?)trust["Condition"]!["StringLike"]!["token.actions.githubusercontent.com:sub"]);
    }

    [Fact]
    public void Preview_role_changes_only_preview_stacks_and_only_through_its_execution_role()
    {
        var statements = Json.PolicyStatements().Where(s => s.Id.StartsWith("GitHubPreviewRole", StringComparison.Ordinal)).Select(s => s.Statement).ToArray();
        var cloudFormation = statements.Where(s => s["Action"].AsList().Any(a => ((string)a!).StartsWith("cloudformation:", StringComparison.Ordinal))).ToArray();
        Assert.Equal(2, cloudFormation.Length);
        Assert.All(cloudFormation, s => Assert.Contains($":stack/{dev.Settings.AppName}-pr-*/*", s["Resource"]!.ToJsonString(), StringComparison.Ordinal));
        var change = cloudFormation.Single(s => s["Action"].AsList().Any(a => (string?)a == "cloudformation:CreateChangeSet"));
        Assert.Contains(GitHubPreviewRole.ExecutionRoleLogicalId, change["Condition"]!["StringEquals"]!["cloudformation:RoleArn"]!.ToJsonString(), StringComparison.Ordinal);
        var assume = statements.Single(s => s["Action"].AsList().Any(a => (string?)a == "sts:AssumeRole"));
        Assert.DoesNotContain("deploy-role", assume["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        var pass = statements.Single(s => s["Action"].AsList().Any(a => (string?)a == "iam:PassRole"));
        Assert.Contains(GitHubPreviewRole.ExecutionRoleLogicalId, pass["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_execution_role_cannot_touch_other_environments_nor_create_unbounded_roles()
    {
        var denies = Json.PolicyStatements()
            .Where(s => s.Id == GitHubPreviewRole.ExecutionRoleLogicalId && (string?)s.Statement["Effect"] == "Deny")
            .ToDictionary(s => (string)s.Statement["Sid"]!, s => s.Statement);
        Assert.Equal("pr-*", (string?)denies["OnlyPreviewResources"]["Condition"]!["StringNotLike"]!["aws:ResourceTag/Environment"]);
        Assert.Contains(
            GitHubPreviewRole.BoundaryName(dev.Settings.AppName),
            denies["RolesOnlyWithTheBoundary"]["Condition"]!["StringNotEquals"]!["iam:PermissionsBoundary"]!.ToJsonString(),
            StringComparison.Ordinal);
        Assert.Contains($":role/{dev.Settings.AppName}-pr-*", denies["OnlyPreviewRoles"]["NotResource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains($":stack/{dev.Settings.AppName}-pr-*/*", denies["OnlyPreviewStacks"]["NotResource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Superset(
            new HashSet<string> { "ec2:DeleteSubnet", "ecr:DeleteRepository", "s3:DeleteBucket" },
            denies["KeepSharedResources"]["Action"].AsList().Select(a => (string)a!).ToHashSet());
        // SSM writes only to the preview's own parameters (its secrets stack's), never the base stack's /{app}/base/*.
        Assert.Contains("ssm:PutParameter", denies["OnlyPreviewParameters"]["Action"].AsList().Select(a => (string)a!));
        Assert.Contains($":parameter/{dev.Settings.AppName}/pr-*", Assert.Single(denies["OnlyPreviewParameters"]["NotResource"].AsList()).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Creates_githubs_oidc_provider_when_the_account_has_none() =>
        dev.Base.HasResourceProperties("AWS::IAM::OIDCProvider", Match.ObjectLike(new Dictionary<string, object>
        {
            ["Url"] = "https://token.actions.githubusercontent.com",
            ["ClientIdList"] = new object[] { "sts.amazonaws.com" },
        }));

    [Fact]
    public void Without_a_domain_there_is_no_zone_or_certificate()
    {
        Assert.Empty(Json.Resources("AWS::Route53::HostedZone"));
        Assert.Empty(Json.Resources("AWS::CertificateManager::Certificate"));
    }

    [Fact]
    public void Access_log_bucket_accepts_only_load_balancer_log_delivery_over_tls()
    {
        var bucket = Json.Resource(AccessLogBucket.BucketLogicalId);
        Assert.Equal("Retain", (string?)bucket["DeletionPolicy"]);
        var policy = Assert.Single(Json.Resources("AWS::S3::BucketPolicy")).Resource.Properties()["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Contains(policy, s => (string?)s!["Effect"] == "Deny" && s["Condition"]!["Bool"]!["aws:SecureTransport"]!.ToString() == "false");
        var delivery = policy.Single(s => (string?)s!["Sid"] == "LoadBalancerLogDelivery")!;
        Assert.Equal("s3:PutObject", (string?)delivery["Action"]);
    }
}
