using AppDelivery.Aspire.Deploy.Constructs;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>A preview's roles are bounded like the preview execution role, and its resources carry the tag that role is scoped by.</summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class PreviewPermissionsTests(PreviewEnvironment preview, ProdEnvironment prod)
    : IClassFixture<PreviewEnvironment>, IClassFixture<ProdEnvironment>
{
    [Fact]
    public void Every_role_of_a_preview_has_the_preview_boundary()
    {
        var roles = preview.EnvironmentJson.Resources("AWS::IAM::Role").ToArray();
        Assert.NotEmpty(roles);
        Assert.All(roles, r => Assert.Contains(
            $":policy/{GitHubPreviewRole.BoundaryName(preview.Settings.AppName)}",
            r.Resource.Properties()["PermissionsBoundary"]?.ToJsonString() ?? string.Empty,
            StringComparison.Ordinal));
    }

    [Fact]
    public void Other_environments_have_no_boundary() =>
        Assert.All(prod.EnvironmentJson.Resources("AWS::IAM::Role"), r => Assert.Null(r.Resource.Properties()["PermissionsBoundary"]));

    [Fact]
    public void Preview_resources_carry_their_environment_tag()
    {
        foreach (var type in new[] { "AWS::ECS::Cluster", "AWS::RDS::DBCluster", "AWS::SecretsManager::Secret" })
        {
            Assert.All(preview.EnvironmentJson.Resources(type), r => Assert.Contains(
                r.Resource.Properties()["Tags"]!.AsArray(),
                t => (string?)t!["Key"] == GitHubPreviewRole.EnvironmentTag && (string?)t["Value"] == preview.EnvironmentName));
        }
    }
}
