using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>An AppHost that grows databases: several on one server, and several servers.</summary>
public sealed class DatabaseServerManifestTests
{
    [Fact]
    public void Two_databases_on_one_server_are_one_server_with_both()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["reports"] = JsonNode.Parse("""{"type":"value.v0","connectionString":"{pg.connectionString};Database=reporting"}""");
        manifest.Resources()["api"]!["env"]!["ConnectionStrings__reports"] = "{reports.connectionString}";

        var result = ManifestFixtures.Read(manifest, "migrator");

        var server = Assert.Single(result.Model.DatabaseServers);
        Assert.Equal([new DatabaseModel("appdb", "appdb"), new DatabaseModel("reports", "reporting")], server.Databases);
        var api = result.Model.Workloads.Single(w => w.Name == "api");
        Assert.Equal(new DatabaseConnectionStringValue("reports"), api.Environment.Single(e => e.Name == "ConnectionStrings__reports").Value);
        Assert.Equal(new DatabaseConnectionStringValue("appdb"), api.Environment.Single(e => e.Name == "ConnectionStrings__appdb").Value);
    }

    [Fact]
    public void Two_servers_are_two_servers_each_with_its_databases()
    {
        var manifest = ManifestFixtures.Reference();
        var analytics = manifest.Resources()["pg"]!.DeepClone().AsObject();
        analytics["connectionString"] = "Host={analytics.bindings.tcp.host};Port={analytics.bindings.tcp.port};Username=postgres;Password={pg-password.value}";
        analytics["image"] = "docker.io/library/postgres:16.4";
        manifest.Resources()["analytics"] = analytics;
        manifest.Resources()["events"] = JsonNode.Parse("""{"type":"value.v0","connectionString":"{analytics.connectionString};Database=events"}""");
        manifest.Resources()["migrator"]!["env"]!["ConnectionStrings__events"] = "{events.connectionString}";
        manifest.Resources()["migrator"]!["env"]!["EVENTS_HOST"] = "{analytics.bindings.tcp.host}";

        var result = ManifestFixtures.Read(manifest, "migrator");

        Assert.Equal(
            [
                new DatabaseServerModel("pg", "postgres", 17, [new DatabaseModel("appdb", "appdb")]),
                new DatabaseServerModel("analytics", "postgres", 16, [new DatabaseModel("events", "events")]),
            ],
            result.Model.DatabaseServers);
        var migrator = result.Model.Workloads.Single(w => w.Name == "migrator");
        Assert.Equal(new DatabaseConnectionStringValue("events"), migrator.Environment.Single(e => e.Name == "ConnectionStrings__events").Value);
        Assert.Equal(new DatabaseHostValue("analytics"), migrator.Environment.Single(e => e.Name == "EVENTS_HOST").Value);
        Assert.Equal(new DatabaseHostValue("pg"), migrator.Environment.Single(e => e.Name == "APPDB_HOST").Value);
    }

    [Fact]
    public void Two_database_resources_naming_one_database_of_a_server_are_refused()
    {
        var manifest = ManifestFixtures.Reference();
        manifest.Resources()["appdb2"] = JsonNode.Parse("""{"type":"value.v0","connectionString":"{pg.connectionString};Database=appdb"}""");

        var error = ManifestFixtures.ReadFails(manifest, "migrator");

        Assert.Equal("pg", error.Resource);
        Assert.Contains("appdb and appdb2 both name database 'appdb'", error.Detail, StringComparison.Ordinal);
    }
}
