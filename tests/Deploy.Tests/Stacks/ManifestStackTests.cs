using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Constructs;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>The committed manifest, read by the manifest reader, deploys like the hand-built model.</summary>
[Collection(CdkCollectionDefinition.Name)]
public sealed class ManifestStackTests(ManifestEnvironment fromManifest, DevEnvironment byHand)
    : IClassFixture<ManifestEnvironment>, IClassFixture<DevEnvironment>
{
    [Fact]
    public void Has_the_same_resources_as_the_hand_built_model()
    {
        static IEnumerable<string> Shape(JsonObject template) =>
            template.Resources().Select(r => $"{r.Resource["Type"]} {r.Id}").Order(StringComparer.Ordinal);
        Assert.Equal(Shape(byHand.EnvironmentJson), Shape(fromManifest.EnvironmentJson));
        Assert.Equal(Shape(byHand.BaseJson), Shape(fromManifest.BaseJson));
    }

    [Fact]
    public void Api_gets_the_database_cache_and_api_key_wiring()
    {
        var api = fromManifest.EnvironmentJson.Container(TestApplication.Api);
        var variables = api.Variables();
        Assert.Contains("SSL Mode=VerifyFull", variables["ConnectionStrings__appdb"].ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("ssl=true", variables["ConnectionStrings__cache"].ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("8080", (string?)variables[ContainerEnvironment.HttpPortsVariable]);
        Assert.Equal(
            new[] { "Auth__ApiKey" },
            api.Secrets().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Web_finds_api_over_service_connect()
    {
        var variables = fromManifest.EnvironmentJson.Container(TestApplication.Web).Variables();
        Assert.Equal("http://api:8080", (string?)variables["services__api__http__0"]);
    }

    [Fact]
    public void Local_container_passwords_are_not_secrets_of_the_app()
    {
        var secrets = fromManifest.EnvironmentJson.Resources("AWS::SecretsManager::Secret").Select(s => s.Id).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { "AppSecretApiKey", OriginVerification.SecretLogicalId }.Order(StringComparer.Ordinal), secrets);
    }
}
