using AppDelivery.Aspire.Deploy.Constructs;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

[Collection(CdkCollectionDefinition.Name)]
public sealed class OperatorSecretTests(OperatorSecretEnvironment fixture) : IClassFixture<OperatorSecretEnvironment>
{
    [Fact]
    public void Secret_without_generator_holds_only_the_placeholder()
    {
        var secret = fixture.EnvironmentJson.Resource(AppSecrets.LogicalId(TestApplication.OperatorSecret)).Properties();
        Assert.Equal(AppSecrets.Placeholder, (string?)secret["SecretString"]);
        Assert.Null(secret["GenerateSecretString"]);
    }

    [Fact]
    public void Service_reads_the_value_key_so_it_cannot_start_while_the_placeholder_is_set()
    {
        var valueFrom = fixture.EnvironmentJson.Container(TestApplication.Web).Secrets()["Smtp__Password"].ToJsonString();
        Assert.Contains(AppSecrets.LogicalId(TestApplication.OperatorSecret), valueFrom, StringComparison.Ordinal);
        Assert.Contains($":{AppSecrets.ValueKey}::", valueFrom, StringComparison.Ordinal);
    }
}
