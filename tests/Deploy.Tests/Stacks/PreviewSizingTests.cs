using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>A pull-request preview is a full, small copy: sized by the <c>pr</c> template and named after its PR.</summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class PreviewSizingTests(PreviewEnvironment preview) : IClassFixture<PreviewEnvironment>
{
    private static readonly Deploy.Settings.EnvironmentSettings Template =
        Deploy.Settings.DeploymentSettingsLoader.Load(RepositoryPaths.Settings).Environments["pr"];

    [Fact]
    public void Is_named_after_the_pull_request()
    {
        Assert.Equal($"{RepositoryPaths.AppName}-pr-1", preview.Stacks.Environment.StackName);
        Assert.Equal($"{RepositoryPaths.AppName}-pr-1", (string?)preview.EnvironmentJson.Resource(AuroraDatabase.ClusterLogicalId).Properties()["DBClusterIdentifier"]);
    }

    [Fact]
    public void Uses_the_pr_template_sizes()
    {
        var scaling = preview.EnvironmentJson.Resource(AuroraDatabase.ClusterLogicalId).Properties()["ServerlessV2ScalingConfiguration"]!;
        Assert.Equal(Template.Database.MinAcu, (double)scaling["MinCapacity"]!);
        Assert.Equal(Template.Database.MaxAcu, (double)scaling["MaxCapacity"]!);
        Assert.All(
            preview.EnvironmentJson.Resources("AWS::ApplicationAutoScaling::ScalableTarget"),
            t => Assert.Equal(Template.DefaultService.MaxCount, (int)t.Resource.Properties()["MaxCapacity"]!));
        Assert.Equal((double)Template.MonthlyBudgetUsd, (double)Assert.Single(preview.EnvironmentJson.Resources("AWS::Budgets::Budget")).Resource.Properties()["Budget"]!["BudgetLimit"]!["Amount"]!);
    }

    [Fact]
    public void Pauses_the_database_when_idle()
    {
        var scaling = preview.EnvironmentJson.Resource(AuroraDatabase.ClusterLogicalId).Properties()["ServerlessV2ScalingConfiguration"]!;
        Assert.Equal(0, (double)scaling["MinCapacity"]!);
        Assert.Equal(600, (int)scaling["SecondsUntilAutoPause"]!);
    }
}
