using System.Text.Json.Nodes;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

// Inside the namespace, like the other stack tests: an app named Contoso.Api must still read Api as this name.
using static TestApplication;

/// <summary>
/// The template's app grown to two databases on its server (<c>appdb</c>, <c>reports</c>) and a second server
/// <c>analytics</c> (<c>events</c>): migrations own all three, api reads and writes appdb, web reports.
/// </summary>
[Collection(CdkCollectionDefinition.Name)]
public abstract class DatabaseServersStackTests<TEnvironment>(TEnvironment fixture)
    where TEnvironment : SynthesizedEnvironment
{
    private JsonObject Json => fixture.EnvironmentJson;

    [Fact]
    public void Each_server_is_a_cluster_the_first_keeping_its_identifiers()
    {
        var clusters = Json.Resources("AWS::RDS::DBCluster").ToDictionary(c => c.Id, c => c.Resource.Properties());
        Assert.Equal(["AnalyticsAuroraCluster", AuroraDatabase.ClusterLogicalId], clusters.Keys.Order(StringComparer.Ordinal));
        var prefix = $"{fixture.Settings.AppName}-{fixture.EnvironmentName}";
        Assert.Equal(prefix, (string?)clusters[AuroraDatabase.ClusterLogicalId]["DBClusterIdentifier"]);
        Assert.Equal($"{prefix}-analytics", (string?)clusters["AnalyticsAuroraCluster"]["DBClusterIdentifier"]);
        Assert.StartsWith("16.", (string?)clusters["AnalyticsAuroraCluster"]["EngineVersion"], StringComparison.Ordinal);
        Assert.All(clusters.Values, c => Assert.Null(c["DatabaseName"]));
        Assert.Equal(fixture.EnvironmentSettings.Production ? 4 : 2, Json.Resources("AWS::RDS::DBInstance").Count());
    }

    [Fact]
    public void Each_workload_gets_connect_on_the_databases_it_references_only()
    {
        Assert.Equal(
            """[{"cluster":"<token>","secret":"<token>","roles":["api","migrations","web"],"databases":[{"name":"appdb","owners":["migrations"],"users":["api"]},{"name":"reports","owners":["migrations"],"users":["web"]}]},{"cluster":"<token>","secret":"<token>","roles":["migrations"],"databases":[{"name":"events","owners":["migrations"],"users":[]}]}]""",
            AccessPlan());
    }

    [Fact]
    public void Each_workload_may_sign_in_and_connect_only_to_the_servers_it_uses()
    {
        Assert.Equal(["AnalyticsAuroraCluster", AuroraDatabase.ClusterLogicalId], ConnectClusters(Migrations));
        Assert.Equal([AuroraDatabase.ClusterLogicalId], ConnectClusters(Api));
        Assert.Equal([AuroraDatabase.ClusterLogicalId], ConnectClusters(Web));
        var analyticsIngress = Json.Resources("AWS::EC2::SecurityGroupIngress")
            .Where(r => r.Resource.Properties()["GroupId"]!.ToJsonString().Contains("DatabaseAnalytics", StringComparison.Ordinal))
            .Select(r => r.Resource.Properties()["Description"]!.ToString())
            .ToList();
        Assert.Equal([$"{Migrations} to analytics"], analyticsIngress);
        var reports = (string)Json.Container(Web).Variables()["ConnectionStrings__reports"]!["Fn::Join"]![1]![2]!;
        Assert.StartsWith($";Port={AuroraDatabase.DatabasePort};Database=reports;Username=web;SSL Mode=VerifyFull;", reports, StringComparison.Ordinal);
    }

    private string AccessPlan()
    {
        var (_, handler) = Assert.Single(Json.Resources("AWS::Lambda::Function"),
            f => f.Resource.Properties()["Environment"]?["Variables"]?["DATABASES"] is not null);
        var parts = handler.Properties()["Environment"]!["Variables"]!["DATABASES"]!["Fn::Join"]![1]!.AsArray();
        return string.Concat(parts.Select(p => p is JsonValue ? (string?)p : "<token>"))
            .Replace("arn:<token>:rds:eu-west-1:111111111111:cluster:<token>", "<token>", StringComparison.Ordinal);
    }

    private List<string> ConnectClusters(string workload) =>
        Json.PolicyStatements()
            .Where(s => s.Id.StartsWith($"{NameCase.Pascal(workload)}TaskTaskDefinitionTaskRole", StringComparison.Ordinal)
                && s.Statement["Action"]!.ToJsonString().Contains("rds-db:connect", StringComparison.Ordinal))
            .Select(s => s.Statement["Resource"]!.ToJsonString().Contains("AnalyticsAuroraCluster", StringComparison.Ordinal)
                ? "AnalyticsAuroraCluster"
                : AuroraDatabase.ClusterLogicalId)
            .Order(StringComparer.Ordinal)
            .ToList();
}

internal static class GrownApplication
{
    public static ApplicationModel Create()
    {
        var template = TestApplication.Create();
        static WorkloadModel Add(WorkloadModel workload, params EnvironmentVariable[] variables) =>
            workload with { Environment = [.. workload.Environment, .. variables] };
        return template with
        {
            Workloads = template.Workloads.Select(w => w.Name switch
            {
                Migrations => Add(w,
                    new("ConnectionStrings__reports", new DatabaseConnectionStringValue("reports")),
                    new("ConnectionStrings__events", new DatabaseConnectionStringValue("events"))),
                Web => Add(w, new EnvironmentVariable("ConnectionStrings__reports", new DatabaseConnectionStringValue("reports"))),
                _ => w,
            }).ToList(),
            DatabaseServers =
            [
                new DatabaseServerModel("postgres", "postgres", 17, [new DatabaseModel("appdb", "appdb"), new DatabaseModel("reports", "reports")]),
                new DatabaseServerModel("analytics", "postgres", 16, [new DatabaseModel("events", "events")]),
            ],
        };
    }
}

public sealed class GrownDevEnvironment() : SynthesizedEnvironment("dev", application: GrownApplication.Create());

public sealed class GrownProdEnvironment() : SynthesizedEnvironment("prod", application: GrownApplication.Create());

public sealed class DevDatabaseServersStackTests(GrownDevEnvironment fixture)
    : DatabaseServersStackTests<GrownDevEnvironment>(fixture), IClassFixture<GrownDevEnvironment>;

public sealed class ProdDatabaseServersStackTests(GrownProdEnvironment fixture)
    : DatabaseServersStackTests<GrownProdEnvironment>(fixture), IClassFixture<GrownProdEnvironment>;
