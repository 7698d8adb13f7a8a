using System.Text.Json.Nodes;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

[Collection(CdkCollectionDefinition.Name)]
public sealed class MigrationGateTests(DevEnvironment current, NextImageEnvironment next, OperatorSecretEnvironment sameTag)
    : IClassFixture<DevEnvironment>, IClassFixture<NextImageEnvironment>, IClassFixture<OperatorSecretEnvironment>
{
    [Fact]
    public void A_new_image_tag_makes_a_new_handler_version_so_the_trigger_runs_again()
    {
        Assert.NotEqual(HandlerVersion(current.EnvironmentJson), HandlerVersion(next.EnvironmentJson));
    }

    [Fact]
    public void A_deployment_with_the_same_image_tag_does_not_run_the_job_again()
    {
        // Same tag, a different web service: the handler, hence the trigger, is unchanged.
        Assert.NotEqual(current.EnvironmentJson.Container(TestApplication.Web).ToJsonString(), sameTag.EnvironmentJson.Container(TestApplication.Web).ToJsonString());
        Assert.Equal(HandlerVersion(current.EnvironmentJson), HandlerVersion(sameTag.EnvironmentJson));
    }

    [Fact]
    public void Provider_may_invoke_only_the_handler_versions_and_uses_no_managed_policy()
    {
        var (_, role) = current.EnvironmentJson.Resources("AWS::IAM::Role")
            .Single(r => r.Id.StartsWith("AWSCDKTriggerCustomResourceProvider", StringComparison.Ordinal));
        Assert.Null(role.Properties()["ManagedPolicyArns"]);
        var invoke = current.EnvironmentJson.PolicyStatements()
            .Single(s => s.Id.StartsWith("AWSCDKTrigger", StringComparison.Ordinal) && s.Statement["Action"]!.ToJsonString().Contains("lambda:InvokeFunction", StringComparison.Ordinal))
            .Statement;
        var versions = current.EnvironmentJson.Resources("Custom::Trigger").Select(t => $"{{\"Ref\":\"{(string)t.Resource.Properties()["HandlerArn"]!["Ref"]!}\"}}");
        Assert.Equal(versions.Order(StringComparer.Ordinal), invoke["Resource"].AsList().Select(r => r.ToJsonString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Handler_reads_only_its_own_stack_status_to_tell_a_rollback()
    {
        var stackId = new JsonObject { ["Ref"] = "AWS::StackId" }.ToJsonString();
        var (_, handler) = current.EnvironmentJson.Resources("AWS::Lambda::Function")
            .Single(f => f.Resource.Properties()["Environment"]?["Variables"]?["IMAGE_TAG"] is not null);
        Assert.Equal(stackId, handler.Properties()["Environment"]!["Variables"]!["STACK"]!.ToJsonString());
        Assert.Contains("ROLLBACK", (string)handler.Properties()["Code"]!["ZipFile"]!, StringComparison.Ordinal);
        var describes = current.EnvironmentJson.PolicyStatements()
            .Where(s => s.Statement["Action"]!.ToJsonString().Contains("cloudformation:DescribeStacks", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, describes.Count); // the migrations' gate and the database access gate
        Assert.All(describes, d => Assert.Equal(stackId, Assert.Single(d.Statement["Resource"].AsList()).ToJsonString()));
    }

    private static string HandlerVersion(JsonObject template)
    {
        var (_, trigger) = Assert.Single(template.Resources("Custom::Trigger"), t => t.Id.StartsWith("MigrationsGate", StringComparison.Ordinal));
        return (string)trigger.Properties()["HandlerArn"]!["Ref"]!;
    }
}
