using AppDelivery.Aspire.Deploy.Constructs;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

[Collection(CdkCollectionDefinition.Name)]
public sealed class OperatorSecretTests(OperatorSecretEnvironment fixture) : IClassFixture<OperatorSecretEnvironment>
{
    [Fact]
    public void SecretWithoutGeneratorHoldsOnlyThePlaceholder()
    {
        var secret = fixture.EnvironmentJson.Resource(AppSecrets.LogicalId(TestApplication.OperatorSecret)).Properties();
        Assert.Equal(AppSecrets.Placeholder, (string?)secret["SecretString"]);
        Assert.Null(secret["GenerateSecretString"]);
    }

    [Fact]
    public void ServiceReadsTheValueKeySoItCannotStartWhileThePlaceholderIsSet()
    {
        var valueFrom = fixture.EnvironmentJson.Container(TestApplication.Web).Secrets()["Smtp__Password"].ToJsonString();
        Assert.Contains(AppSecrets.LogicalId(TestApplication.OperatorSecret), valueFrom, StringComparison.Ordinal);
        Assert.Contains($":{AppSecrets.ValueKey}::", valueFrom, StringComparison.Ordinal);
    }
}
