using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>Every unsupported shape is one <see cref="ManifestException"/> naming the file, resource and field.</summary>
public sealed class ManifestErrorTests
{
    [Fact]
    public void Bad_json_names_the_file_and_line()
    {
        var error = Assert.Throws<ManifestException>(() =>
            ManifestReader.Parse("{\n  \"resources\": {\n    \"api\": { \"type\": \"project.v0\", }\n  ,,\n}", ManifestFixtures.FileName, ManifestFixtures.Settings()));

        Assert.Equal(ManifestFixtures.FileName, error.File);
        Assert.Matches("^line [34]$", error.Field);
        Assert.Contains("invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var error = Assert.Throws<ManifestException>(() => ManifestReader.Read("nowhere/aspire-manifest.json", ManifestFixtures.Settings()));

        Assert.Equal("nowhere/aspire-manifest.json", error.File);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_resources_is_named()
    {
        var error = ManifestFixtures.ReadFails(JsonNode.Parse("""{"$schema":"https://json.schemastore.org/aspire-8.0.json"}""")!.AsObject());

        Assert.Equal("resources", error.Field);
        Assert.Null(error.Resource);
    }

    public static TheoryData<string, string, string, string> UnsupportedResources => new()
    {
        // resource JSON, expected field, a word the explanation must contain
        { "mongo", """{"type":"container.v0","image":"docker.io/library/mongo:8.0"}""", "resources.mongo.image", "MongoDB" },
        { "sql", """{"type":"container.v0","image":"mcr.microsoft.com/mssql/server:2022-latest"}""", "resources.sql.image", "SQL Server" },
        { "mysql", """{"type":"container.v0","image":"docker.io/library/mysql:8.3.0"}""", "resources.mysql.image", "AddConnectionString" },
        { "rabbit", """{"type":"container.v0","image":"docker.io/library/rabbitmq:4.1","volumes":[{"name":"data","target":"/var/lib/rabbitmq","readOnly":false}]}""", "resources.rabbit.volumes", "EFS is not mapped" },
        { "mounted", """{"type":"container.v0","image":"nginx:1.29","bindMounts":[{"source":"./conf","target":"/etc/nginx","readOnly":true}]}""", "resources.mounted.bindMounts", "persistent disk" },
        { "udp", """{"type":"container.v0","image":"coredns/coredns:1.12","bindings":{"dns":{"scheme":"udp","protocol":"udp","transport":"udp","targetPort":53}}}""", "resources.udp.bindings.dns.protocol", "UDP" },
        { "portless", """{"type":"container.v0","image":"maildev/maildev:2.2.1","bindings":{"http":{"scheme":"http","protocol":"tcp","transport":"http"}}}""", "resources.portless.bindings.http.targetPort", "targetPort" },
        { "tls", """{"type":"container.v0","image":"nginx:1.29","bindings":{"https":{"scheme":"https","protocol":"tcp","transport":"http","targetPort":443}}}""", "resources.tls.bindings.https.scheme", "plain HTTP" },
        { "publictcp", """{"type":"container.v0","image":"rabbitmq:4.1","bindings":{"tcp":{"scheme":"tcp","protocol":"tcp","transport":"tcp","targetPort":5672,"external":true}}}""", "resources.publictcp.bindings.tcp.external", "only HTTP" },
        { "argref", """{"type":"container.v0","image":"nginx:1.29","args":["--key","{api-key.value}"]}""", "resources.argref.args[1]", "environment variable" },
        { "buildarg", """{"type":"container.v1","build":{"context":".","dockerfile":"Dockerfile","args":{"KEY":"{api-key.value}"}}}""", "resources.buildarg.build.args.KEY", "baked into the image" },
        { "buildsecret", """{"type":"container.v1","build":{"context":".","dockerfile":"Dockerfile","secrets":{"npmrc":{"type":"file","source":"x"}}}}""", "resources.buildsecret.build.secrets", "literal arguments only" },
        { "contextless", """{"type":"container.v1","build":{"dockerfile":"Dockerfile"}}""", "resources.contextless.build.context", "missing" },
        { "node", """{"type":"executable.v0","command":"node","workingDirectory":"."}""", "resources.node.type", "PublishAsDockerFile" },
        { "bicep", """{"type":"azure.bicep.v0","path":"x.bicep"}""", "resources.bicep.type", "Azure" },
        { "future", """{"type":"dapr.v0"}""", "resources.future.type", "dapr.v0" },
        { "typeless", """{"image":"postgres:17"}""", "resources.typeless.type", "missing" },
        { "broken", """{"error":"This resource does not support generation in the manifest."}""", "resources.broken.error", "does not support" },
        { "withargs", """{"type":"project.v0","path":"x.csproj","args":["--seed"]}""", "resources.withargs.args", "arguments" },
        { "grpc", """{"type":"project.v0","path":"x.csproj","bindings":{"tcp":{"scheme":"tcp","protocol":"tcp","transport":"tcp"}}}""", "resources.grpc.bindings.tcp.scheme", "tcp" },
        { "pathless", """{"type":"project.v0"}""", "resources.pathless.path", "missing" },
    };

    [Theory]
    [MemberData(nameof(UnsupportedResources))]
    public void Unsupported_resource_names_resource_and_field(string name, string json, string field, string explanation)
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()[name] = JsonNode.Parse(json);

        var error = ManifestFixtures.ReadFails(manifest, "migrator");

        Assert.Equal(name, error.Resource);
        Assert.Equal(field, error.Field);
        Assert.Contains(explanation, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{nosuch.connectionString}", "unknown resource 'nosuch'")]
    [InlineData("{api.bindings.grpc.url}", "no endpoint 'grpc'")]
    [InlineData("{api.bindings.http.host}", "use {api.bindings.http.url}")]
    [InlineData("{pg.connectionString}", "reference the database")]
    [InlineData("{appdb.databaseName}", "unsupported reference")]
    [InlineData("{secret.outputs.value}", "unsupported reference")]
    public void Bad_reference_names_the_variable(string template, string explanation)
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["migrator"]!["env"]!["BROKEN"] = template;

        var error = ManifestFixtures.ReadFails(manifest, "migrator");

        Assert.Equal("resources.migrator.env.BROKEN", error.Field);
        Assert.Contains(explanation, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker.io/library/postgres:18.3", "WithImageTag(\"17")]
    [InlineData("docker.io/library/postgres", "no PostgreSQL major")]
    [InlineData("docker.io/library/postgres:latest", "no PostgreSQL major")]
    [InlineData("postgres:11.22", "16 to 17")]
    [InlineData("postgres:15.8", "16 to 17")]
    public void Postgres_major_must_be_one_aurora_runs(string image, string explanation)
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["pg"]!["image"] = image;

        var error = ManifestFixtures.ReadFails(manifest, "migrator");

        Assert.Equal("resources.pg.image", error.Field);
        Assert.Contains(explanation, error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres:17-alpine", 17)]
    [InlineData("ghcr.io/some/mirror/postgres:16.4", 16)]
    [InlineData("postgres:17.6@sha256:0123", 17)]
    public void Postgres_major_comes_from_the_tag(string image, int major)
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["pg"]!["image"] = image;

        Assert.Equal(major, ManifestFixtures.Read(manifest, "migrator").Model.DatabaseServers.Single().EngineMajorVersion);
    }

    [Fact]
    public void Job_missing_from_the_manifest_names_the_settings_field()
    {
        var error = Assert.Throws<SettingsException>(() => ManifestFixtures.Read(ManifestFixtures.Reference(), "migrations"));

        Assert.Equal("jobs[0]", error.Field);
        Assert.Contains("'migrations' is not a project", error.Detail, StringComparison.Ordinal);
        Assert.Contains("migrator", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Sized_service_missing_from_the_manifest_names_the_settings_field()
    {
        var settings = ManifestFixtures.Settings("migrator");
        var dev = settings.Environments["dev"];
        settings = settings with
        {
            Environments = new Dictionary<string, EnvironmentSettings>(settings.Environments)
            {
                ["dev"] = dev with { Services = new Dictionary<string, ServiceSize> { ["worker"] = dev.DefaultService } },
            },
        };

        var error = Assert.Throws<SettingsException>(() =>
            ManifestReader.Parse(ManifestFixtures.Reference().ToJsonString(), ManifestFixtures.FileName, settings));

        Assert.Equal("environments.dev.services.worker", error.Field);
    }

    [Fact]
    public void External_https_only_endpoint_is_an_error()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["api"]!["bindings"]!.AsObject().Remove("http");
        manifest.Resources()["api"]!["env"]!.AsObject().Remove("HTTP_PORTS");

        var error = ManifestFixtures.ReadFails(manifest, "migrator");

        Assert.Equal("resources.api.bindings.https", error.Field);
    }
}
