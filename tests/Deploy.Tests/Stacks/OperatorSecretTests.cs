using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Stacks;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>
/// Operator-set secrets live in <c>{app}-{env}-secrets</c>, deployed before the environment stack, which reads their
/// ARNs from SSM and fails at its secrets check, before anything is created or started, while one holds the placeholder.
/// </summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class OperatorSecretTests(OperatorSecretEnvironment fixture) : IClassFixture<OperatorSecretEnvironment>
{
    private static readonly string SecretId = AppSecrets.LogicalId(TestApplication.OperatorSecret);

    private JsonObject SecretsJson => fixture.SecretsJson ?? throw new InvalidOperationException("no secrets stack");

    [Fact]
    public void Secret_without_generator_is_in_the_secrets_stack_and_holds_only_the_placeholder()
    {
        Assert.Equal(StackNames.Secrets(fixture.Settings.AppName, "dev"), fixture.Stacks.Secrets!.StackName);
        var secret = SecretsJson.Resource(SecretId).Properties();
        Assert.Equal(AppSecrets.Placeholder, (string?)secret["SecretString"]);
        Assert.Null(secret["GenerateSecretString"]);
        Assert.Null(fixture.EnvironmentJson["Resources"]![SecretId]);
        Assert.Single(SecretsJson.Resources("AWS::SecretsManager::Secret"));
    }

    [Fact]
    public void Environment_stack_depends_on_the_secrets_stack_and_holds_no_value_and_no_import_of_it()
    {
        Assert.Contains(fixture.Stacks.Secrets!, fixture.Stacks.Environment.Dependencies);
        var environment = fixture.EnvironmentJson.ToJsonString();
        Assert.DoesNotContain("Fn::ImportValue", environment, StringComparison.Ordinal);
        Assert.All(fixture.EnvironmentJson.Resources("AWS::SecretsManager::Secret"),
            s => Assert.NotEqual(AppSecrets.Placeholder, (string?)s.Resource.Properties()["SecretString"]));
        Assert.DoesNotContain("Export", SecretsJson.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Service_reads_the_value_key_of_the_full_arn_from_the_secrets_stack_parameter()
    {
        var valueFrom = fixture.EnvironmentJson.Container(TestApplication.Web).Secrets()["Smtp__Password"].ToJsonString();
        Assert.Contains($"{{\"Ref\":\"{ArnParameter()}\"}}", valueFrom, StringComparison.Ordinal);
        Assert.Contains($":{AppSecrets.ValueKey}::", valueFrom, StringComparison.Ordinal);
        var written = Assert.Single(SecretsJson.Resources("AWS::SSM::Parameter")).Resource.Properties();
        Assert.Equal(ParameterName, (string?)written["Name"]);
        Assert.Equal($"{{\"Ref\":\"{SecretId}\"}}", written["Value"]!.ToJsonString());
    }

    [Fact]
    public void Secrets_check_reads_exactly_the_operator_secrets_and_nothing_runs_before_it()
    {
        var check = fixture.Stacks.Environment.SecretsCheck ?? throw new InvalidOperationException("no secrets check");
        var reads = fixture.EnvironmentJson.PolicyStatements()
            .Where(s => s.Id.StartsWith("SecretsCheck", StringComparison.Ordinal)
                && s.Statement["Action"]!.ToJsonString().Contains("secretsmanager:", StringComparison.Ordinal))
            .ToList();
        var (_, read) = Assert.Single(reads);
        Assert.Equal("secretsmanager:GetSecretValue", (string?)read["Action"]);
        Assert.Equal($"{{\"Ref\":\"{ArnParameter()}\"}}", Assert.Single(read["Resource"].AsList()).ToJsonString());

        var variables = Handler(check)["Environment"]!["Variables"]!;
        Assert.Contains(TestApplication.OperatorSecret, variables["SECRETS"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("file:///dev/stdin", variables["SET_SECRET_COMMAND"]!.ToJsonString(), StringComparison.Ordinal);

        var (trigger, _) = Assert.Single(fixture.EnvironmentJson.Resources("Custom::Trigger"), t => t.Id.StartsWith("SecretsCheck", StringComparison.Ordinal));
        var mustWait = fixture.EnvironmentJson.Resources("AWS::ECS::Service")
            .Concat(fixture.EnvironmentJson.Resources("Custom::Trigger").Where(t => t.Id != trigger))
            .ToList();
        Assert.Equal(fixture.Application.Services.Count() + 2, mustWait.Count); // the database access gate and the migrations'

        Assert.All(mustWait, r => Assert.Contains(trigger, r.Resource.DependsOn()));
    }

    [Theory]
    [InlineData("dev", "Retain")]
    [InlineData("staging", "Retain")]
    [InlineData("prod", "Retain")]
    [InlineData("pr-9", "Delete")]
    public void Secrets_outlive_their_stack_except_in_previews(string environment, string deletionPolicy)
    {
        CdkProcess.Initialize();
        var stacks = CloudAssemblyBuilder.Build(
            TestApplication.Create(withOperatorSecret: true), DeploymentSettingsLoader.Load(RepositoryPaths.Settings), environment,
            SynthesizedEnvironment.ImageTag, validateTemplates: false);

        var template = Template.FromStack(stacks.Secrets!).ToJSON();
        var secret = template["Resources"] is Dictionary<string, object> resources ? resources[SecretId] : null;
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(secret))!.AsObject();
        Assert.Equal(deletionPolicy, (string?)json["DeletionPolicy"]);
        Assert.Equal(deletionPolicy, (string?)json["UpdateReplacePolicy"]);
    }

    [Fact]
    public void An_app_without_operator_secrets_has_no_secrets_stack_and_no_secrets_check()
    {
        CdkProcess.Initialize();
        var stacks = CloudAssemblyBuilder.Build(
            TestApplication.Create(), DeploymentSettingsLoader.Load(RepositoryPaths.Settings), "dev",
            SynthesizedEnvironment.ImageTag, validateTemplates: false);

        Assert.Null(stacks.Secrets);
        Assert.Null(stacks.Environment.SecretsCheck);
        Assert.DoesNotContain(stacks.Environment.Dependencies, d => d.StackName.EndsWith("-secrets", StringComparison.Ordinal));
    }

    private string ParameterName => OperatorSecretParameters.Name(fixture.Settings.AppName, "dev", TestApplication.OperatorSecret);

    /// <summary>The environment stack's CloudFormation parameter that resolves the secret's ARN from SSM.</summary>
    private string ArnParameter() => fixture.EnvironmentJson["Parameters"]!.AsObject()
        .Single(p => (string?)p.Value!["Default"] == ParameterName).Key;

    private JsonObject Handler(Constructs.MigrationGate check) =>
        fixture.EnvironmentJson.Resource(fixture.Stacks.Environment.GetLogicalId((Amazon.CDK.CfnElement)check.Handler.Node.DefaultChild!)).Properties();

}

[Collection(CdkCollectionDefinition.Name)]
public sealed class OperatorSecretPreviewTests(OperatorSecretPreviewEnvironment fixture) : IClassFixture<OperatorSecretPreviewEnvironment>
{
    [Fact]
    public void Preview_secrets_stack_is_a_preview_stack_tagged_with_its_environment()
    {
        var secrets = fixture.Stacks.Secrets!;
        Assert.StartsWith($"{fixture.Settings.AppName}-pr-", secrets.StackName, StringComparison.Ordinal);
        Assert.All(fixture.SecretsJson!.Resources(), r =>
        {
            var tags = r.Resource.Properties()["Tags"]!.ToJsonString();
            Assert.Contains(GitHubPreviewRole.EnvironmentTag, tags, StringComparison.Ordinal);
            Assert.Contains("\"pr-4\"", tags, StringComparison.Ordinal);
        });
    }
}
