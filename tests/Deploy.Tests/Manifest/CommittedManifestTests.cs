using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>The AppHost's committed manifest with the committed settings: what <c>synth</c> deploys.</summary>
public sealed class CommittedManifestTests
{
    private static readonly string ManifestPath = Path.Combine(RepositoryPaths.Root, "src", "AppHost", "aspire-manifest.json");

    private readonly ManifestReadResult _result =
        ManifestReader.Read(ManifestPath, DeploymentSettingsLoader.Load(RepositoryPaths.Settings));

    [Fact]
    public void Has_the_template_resources()
    {
        var model = _result.Model;

        Assert.Equal(
            [new DatabaseServerModel(ResourceNames.Postgres, "postgres", 17, [new DatabaseModel(ResourceNames.Database, ResourceNames.Database)])],
            model.DatabaseServers);
//#if (valkey)
        Assert.Equal([new CacheModel(ResourceNames.Cache, "valkey")], model.Caches);
//#endif
#if (noValkey)
        Assert.Empty(model.Caches);
#endif
        Assert.Equal([ResourceNames.Migrations], model.Jobs.Select(j => j.Name));
        Assert.Equal(
            [
                ResourceNames.Api,
//#if (web)
                ResourceNames.Web,
//#endif
            ],
            model.Services.Select(s => s.Name));
        Assert.Equal([new SecretModel(ResourceNames.ApiKey, new GeneratedSecret(32, Special: false))], model.Secrets);
    }

//#if (valkey)
    [Fact]
    public void Local_valkey_image_runs_the_major_the_serverless_cache_runs()
    {
        var image = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(ManifestPath))!["resources"]![ResourceNames.Cache]!["image"]!.GetValue<string>();

        var tag = image[(image.LastIndexOf(':') + 1)..];

        Assert.Equal(ServerlessCache.ValkeyMajorVersion, tag.Split('.')[0]);
    }
//#endif

//#if (web)
    [Fact]
    public void Only_web_is_public()
    {
        var services = _result.Model.Services.ToDictionary(s => s.Name);

        Assert.True(services[ResourceNames.Web].IsExternal);
        Assert.False(services[ResourceNames.Api].IsExternal);
        Assert.True(services[ResourceNames.Api].HasEndpoint);
    }

    [Fact]
    public void Web_calls_api_over_http_and_shares_the_api_key()
    {
        var web = _result.Model.Services.Single(s => s.Name == ResourceNames.Web).Environment.ToDictionary(e => e.Name, e => e.Value);

        Assert.Equal(new ServiceUrlValue(ResourceNames.Api, "http"), web["services__api__http__0"]);
        Assert.Equal(new SecretValue(ResourceNames.ApiKey), web["Auth__ApiKey"]);
        Assert.IsType<CacheConnectionStringValue>(web["ConnectionStrings__cache"]);
        Assert.DoesNotContain("services__api__https__0", web.Keys);
    }

    [Fact]
    public void Warnings_are_only_the_https_endpoints()
    {
        Assert.Equal(
            ["resources.api.bindings.https", "resources.web.bindings.https", "resources.web.env.services__api__https__0"],
            _result.Warnings.Select(w => w.Field).Order(StringComparer.Ordinal));
    }
//#endif
#if (apiOnly)
    [Fact]
    public void Only_the_api_is_public()
    {
        var api = Assert.Single(_result.Model.Services);

        Assert.Equal(ResourceNames.Api, api.Name);
        Assert.True(api.IsExternal);
    }

    [Fact]
    public void Warnings_are_only_the_https_endpoint()
    {
        Assert.Equal(["resources.api.bindings.https"], _result.Warnings.Select(w => w.Field));
    }
#endif
}
