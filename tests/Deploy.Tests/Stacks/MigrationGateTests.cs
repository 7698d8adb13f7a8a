using System.Text.Json.Nodes;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

[Collection(CdkCollectionDefinition.Name)]
public sealed class MigrationGateTests(DevEnvironment current, NextImageEnvironment next, OperatorSecretEnvironment sameTag)
    : IClassFixture<DevEnvironment>, IClassFixture<NextImageEnvironment>, IClassFixture<OperatorSecretEnvironment>
{
    [Fact]
    public void ANewImageTagMakesANewHandlerVersionSoTheTriggerRunsAgain()
    {
        Assert.NotEqual(HandlerVersion(current.EnvironmentJson), HandlerVersion(next.EnvironmentJson));
    }

    [Fact]
    public void ADeploymentWithTheSameImageTagDoesNotRunTheJobAgain()
    {
        // Same tag, a different web service: the handler, hence the trigger, is unchanged.
        Assert.NotEqual(current.EnvironmentJson.Container(TestApplication.Web).ToJsonString(), sameTag.EnvironmentJson.Container(TestApplication.Web).ToJsonString());
        Assert.Equal(HandlerVersion(current.EnvironmentJson), HandlerVersion(sameTag.EnvironmentJson));
    }

    [Fact]
    public void ProviderMayInvokeOnlyTheHandlerVersionsAndUsesNoManagedPolicy()
    {
        var (_, role) = current.EnvironmentJson.Resources("AWS::IAM::Role")
            .Single(r => r.Id.StartsWith("AWSCDKTriggerCustomResourceProvider", StringComparison.Ordinal));
        Assert.Null(role.Properties()["ManagedPolicyArns"]);
        var invoke = current.EnvironmentJson.PolicyStatements()
            .Single(s => s.Id.StartsWith("AWSCDKTrigger", StringComparison.Ordinal) && s.Statement["Action"]!.ToJsonString().Contains("lambda:InvokeFunction", StringComparison.Ordinal))
            .Statement;
        Assert.Equal($"{{\"Ref\":\"{HandlerVersion(current.EnvironmentJson)}\"}}", Assert.Single(invoke["Resource"].AsList()).ToJsonString());
    }

    private static string HandlerVersion(JsonObject template)
    {
        var (_, trigger) = Assert.Single(template.Resources("Custom::Trigger"));
        return (string)trigger.Properties()["HandlerArn"]!["Ref"]!;
    }
}
