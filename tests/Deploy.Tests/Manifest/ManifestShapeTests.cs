using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>Shapes of older Aspire versions and of other AppHost calls.</summary>
public sealed class ManifestShapeTests
{
    [Fact]
    public void Project_v1_deployment_is_ignored_with_a_warning()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["api"]!["type"] = "project.v1";
        manifest.Resources()["api"]!["deployment"] = JsonNode.Parse("""{"type":"azure.bicep.v0","path":"api.bicep","params":{}}""");

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.Contains(result.Warnings, w => w.Field == "resources.api.deployment");
        Assert.Contains(result.Model.Workloads, w => w.Name == "api");
    }

    [Fact]
    public void Service_discovery_keeps_http_and_drops_https()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["migrator"]!["env"]!["services__api__http__0"] = "{api.bindings.http.url}";
        manifest.Resources()["migrator"]!["env"]!["services__api__https__0"] = "{api.bindings.https.url}";

        var result = ManifestFixtures.Read(manifest, "migrator");

        var migrator = result.Model.Workloads.Single(w => w.Name == "migrator");
        Assert.Equal(new ServiceUrlValue("api", "http"), migrator.Environment.Single(e => e.Name == "services__api__http__0").Value);
        Assert.DoesNotContain(migrator.Environment, e => e.Name == "services__api__https__0");
        Assert.Contains(result.Warnings, w => w.Field == "resources.migrator.env.services__api__https__0");
    }

    [Fact]
    public void Internal_service_is_not_external()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["api"]!["bindings"]!["http"]!.AsObject().Remove("external");
        manifest.Resources()["api"]!["bindings"]!["https"]!.AsObject().Remove("external");

        var api = ManifestFixtures.Read(manifest, "migrator").Model.Workloads.Single(w => w.Name == "api");

        Assert.False(api.IsExternal);
        Assert.True(api.HasEndpoint);
    }

    [Fact]
    public void Redis_with_password_is_a_cache_and_its_password_no_secret()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["cache"] = JsonNode.Parse("""
            { "type": "container.v0",
              "connectionString": "{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={cache-password.value}",
              "image": "docker.io/library/redis:7.4",
              "args": ["--requirepass", "$REDIS_PASSWORD"],
              "env": { "REDIS_PASSWORD": "{cache-password.value}" },
              "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 6379 } } }
            """);

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.Equal([new CacheModel("cache", "redis")], result.Model.Caches);
        Assert.DoesNotContain(result.Model.Secrets, s => s.Name == "cache-password");
        Assert.Contains(result.Warnings, w => w.Field == "resources.cache.image");
    }

    [Fact]
    public void Old_valkey_without_password_is_a_cache()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["cache"] = JsonNode.Parse("""
            { "type": "container.v0", "connectionString": "{cache.bindings.tcp.host}:{cache.bindings.tcp.port}", "image": "valkey/valkey:7.2",
              "bindings": { "tcp": { "scheme": "tcp", "protocol": "tcp", "transport": "tcp", "targetPort": 6379 } } }
            """);

        Assert.Equal([new CacheModel("cache", "valkey")], ManifestFixtures.Read(manifest, "migrator").Model.Caches);
    }

    [Fact]
    public void Credentials_are_bound_by_role_not_by_name()
    {
        var manifest = ManifestFixtures.Reference();
        var resources = manifest.Resources();
        resources["db-user"] = JsonNode.Parse("""{"type":"parameter.v0","value":"{db-user.inputs.value}","inputs":{"value":{"type":"string","default":{"value":"appuser"}}}}""");
        resources["renamed-secret"] = resources["pg-password"]!.DeepClone();
        resources["renamed-secret"]!["value"] = "{renamed-secret.inputs.value}";
        resources["pg"]!["env"]!["POSTGRES_USER"] = "{db-user.value}";
        resources["pg"]!["env"]!["POSTGRES_PASSWORD"] = "{renamed-secret.value}";
        resources["api"]!["env"]!["APPDB_USERNAME"] = "{db-user.value}";
        resources["api"]!["env"]!["APPDB_PASSWORD"] = "{renamed-secret.value}";
        resources["api"]!["env"]!["OLD_PASSWORD"] = "{pg-password.value}";

        var result = ManifestFixtures.Read(manifest, "migrator");

        var api = result.Model.Workloads.Single(w => w.Name == "api");
        Assert.Equal("appuser", Assert.Single(result.Model.DatabaseServers).MasterUserName);
        Assert.Equal(new DatabaseUserValue("pg"), api.Environment.Single(e => e.Name == "APPDB_USERNAME").Value);
        // In AWS the workload signs in with IAM: there is no password to hand it.
        Assert.DoesNotContain(api.Environment, e => e.Name == "APPDB_PASSWORD");
        // pg-password no longer is the server's password: now it is just a secret of the app.
        Assert.Equal(new SecretValue("pg-password"), api.Environment.Single(e => e.Name == "OLD_PASSWORD").Value);
        Assert.DoesNotContain(result.Model.Secrets, s => s.Name == "renamed-secret");
        Assert.Contains(new SecretModel("pg-password", new GeneratedSecret(22, Special: true)), result.Model.Secrets);
    }

    [Fact]
    public void Secret_user_name_without_default_falls_back_to_postgres_with_a_warning()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["user"] = JsonNode.Parse("""{"type":"parameter.v0","value":"{user.inputs.value}","inputs":{"value":{"type":"string","secret":true}}}""");
        manifest.Resources()["pg"]!["env"]!["POSTGRES_USER"] = "{user.value}";

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.Equal("postgres", Assert.Single(result.Model.DatabaseServers).MasterUserName);
        Assert.Contains(result.Warnings, w => w.Field == "resources.pg.env.POSTGRES_USER");
    }

    [Fact]
    public void Generated_secret_keeps_its_rule()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["secret"]!["inputs"]!["value"]!["default"] = JsonNode.Parse("""{"generate":{"minLength":32,"special":false}}""");

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.Equal([new SecretModel("secret", new GeneratedSecret(32, Special: false))], result.Model.Secrets);
    }

    [Fact]
    public void Plain_parameter_with_a_default_is_a_literal_and_uri_filter_encodes_it()
    {
        var manifest = ManifestFixtures.Reference();
        var resources = manifest.Resources();
        resources["greeting"] = JsonNode.Parse("""{"type":"parameter.v0","value":"{greeting.inputs.value}","inputs":{"value":{"type":"string","default":{"value":"a b/c"}}}}""");
        resources["greeting-uri-encoded"] = JsonNode.Parse("""{"type":"annotated.string","value":"{greeting.value}","filter":"uri"}""");
        resources["api"]!["env"]!["GREETING"] = "{greeting.value}";
        resources["api"]!["env"]!["GREETING_URL"] = "https://x/?q={greeting-uri-encoded.value}";

        var api = ManifestFixtures.Read(manifest, "migrator").Model.Workloads.Single(w => w.Name == "api");

        Assert.Equal(new LiteralValue("a b/c"), api.Environment.Single(e => e.Name == "GREETING").Value);
        Assert.Equal(new LiteralValue("https://x/?q=a%20b%2Fc"), api.Environment.Single(e => e.Name == "GREETING_URL").Value);
    }

    [Fact]
    public void AddConnectionString_becomes_a_secret_the_operator_sets()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["external"] = JsonNode.Parse("""
            {"type":"parameter.v0","connectionString":"{external.value}","value":"{external.inputs.value}","inputs":{"value":{"type":"string","secret":true}}}
            """);
        manifest.Resources()["api"]!["env"]!["ConnectionStrings__external"] = "{external.connectionString}";

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.Equal(new SecretValue("external"),
            result.Model.Workloads.Single(w => w.Name == "api").Environment.Single(e => e.Name == "ConnectionStrings__external").Value);
        Assert.Contains(new SecretModel("external", null), result.Model.Secrets);
    }

    [Fact]
    public void Value_with_references_resolves_through_them()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["api-url"] = JsonNode.Parse("""{"type":"value.v0","connectionString":"Endpoint={api.bindings.http.url}"}""");
        manifest.Resources()["migrator"]!["env"]!["ConnectionStrings__api-url"] = "{api-url.connectionString}";

        var migrator = ManifestFixtures.Read(manifest, "migrator").Model.Workloads.Single(w => w.Name == "migrator");

        Assert.Equal(new CompositeValue([new LiteralValue("Endpoint="), new ServiceUrlValue("api", "http")]),
            migrator.Environment.Single(e => e.Name == "ConnectionStrings__api-url").Value);
    }

    [Fact]
    public void Braces_that_are_not_a_reference_stay_text()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["api"]!["env"]!["JSON"] = "{\"a\": 1}";

        var api = ManifestFixtures.Read(manifest, "migrator").Model.Workloads.Single(w => w.Name == "api");

        Assert.Equal(new LiteralValue("{\"a\": 1}"), api.Environment.Single(e => e.Name == "JSON").Value);
    }

    [Fact]
    public void Manifest_without_database_or_cache_has_none()
    {
        var manifest = JsonNode.Parse("""
            {"resources":{"web":{"type":"project.v0","path":"Web.csproj","env":{},"bindings":{"http":{"scheme":"http","protocol":"tcp","transport":"http","external":true}}}}}
            """)!.AsObject();

        var model = ManifestFixtures.Read(manifest).Model;

        Assert.Empty(model.DatabaseServers);
        Assert.Empty(model.Caches);
        Assert.True(Assert.Single(model.Services).IsExternal);
    }
}
