using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>Model values that cannot be deployed fail before CDK runs, naming the workload and variable.</summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class ContainerEnvironmentTests
{
    private static readonly WorkloadBindings Nothing = new(
        [],
        new Dictionary<string, ServerlessCache>(),
        new Dictionary<string, Amazon.CDK.AWS.SecretsManager.ISecret>(),
        new Dictionary<string, WorkloadModel> { ["api"] = new("api", new ProjectImage("Api.csproj"), WorkloadKind.Service, [TestApplication.InternalHttp], []) });

    [Fact]
    public void A_secret_inside_a_longer_value_is_rejected()
    {
        var error = Assert.Throws<NotSupportedException>(() => Translate(
            new("Conn", new CompositeValue([new LiteralValue("key="), new SecretValue("api-key")]))));
        Assert.Contains("web: 'Conn'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_value_without_a_database_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Translate(new("ConnectionStrings__appdb", new DatabaseConnectionStringValue("appdb"))));
        Assert.Contains("database 'appdb', which the app does not have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undeclared_secret_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Translate(new("Key", new SecretValue("missing"))));
        Assert.Contains("'missing'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_url_of_an_unknown_service_is_rejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Translate(new("services__worker__http__0", new ServiceUrlValue("worker", "http"))));
        Assert.Contains("'worker'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_values_are_concatenated_and_calls_recorded()
    {
        var environment = Translate(new("Url", new CompositeValue([new ServiceUrlValue("api", "http"), new LiteralValue("/health")])));
        Assert.Equal("http://api:8080/health", environment.Variables["Url"]);
        Assert.Equal(["api"], environment.CalledServices);
        Assert.Empty(environment.Secrets);
    }

    private static ContainerEnvironment Translate(EnvironmentVariable variable) =>
        ContainerEnvironment.Translate(
            new WorkloadModel("web", new ProjectImage("../Web/Web.csproj"), WorkloadKind.Service, [TestApplication.ExternalHttp], [variable]),
            Nothing,
            seedData: false);
}
