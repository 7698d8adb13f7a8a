using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>Model values that cannot be deployed fail before CDK runs, naming the workload and variable.</summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class ContainerEnvironmentTests
{
    private static readonly WorkloadBindings Nothing = new(null, null, new Dictionary<string, Amazon.CDK.AWS.SecretsManager.Secret>(), ["api"]);

    [Fact]
    public void ASecretInsideALongerValueIsRejected()
    {
        var error = Assert.Throws<NotSupportedException>(() => Translate(
            new("Conn", new CompositeValue([new LiteralValue("key="), new SecretValue("api-key")]))));
        Assert.Contains("web: 'Conn'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatabaseValueWithoutADatabaseIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Translate(new("ConnectionStrings__appdb", new DatabaseConnectionStringValue())));
        Assert.Contains("has none", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndeclaredSecretIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Translate(new("Key", new SecretValue("missing"))));
        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AUrlOfAnUnknownServiceIsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Translate(new("services__worker__http__0", new ServiceUrlValue("worker", "http"))));
        Assert.Contains("'worker'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainValuesAreConcatenatedAndCallsRecorded()
    {
        var environment = Translate(new("Url", new CompositeValue([new ServiceUrlValue("api", "http"), new LiteralValue("/health")])));
        Assert.Equal("http://api:8080/health", environment.Variables["Url"]);
        Assert.Equal(["api"], environment.CalledServices);
        Assert.Empty(environment.Secrets);
    }

    private static ContainerEnvironment Translate(EnvironmentVariable variable) =>
        ContainerEnvironment.Translate(
            new WorkloadModel("web", "../Web/Web.csproj", WorkloadKind.Service, [TestApplication.ExternalHttp], [variable]),
            Nothing,
            seedData: false);
}
