using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;
using AppDelivery.Aspire.Deploy.Tests.Cli;
using AppDelivery.Aspire.Deploy.Tests.Settings;
using AppDelivery.Aspire.Deploy.Tests.Stacks;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>
/// Every real manifest in ../shared/manifests either reads or fails with the documented error; none crashes.
/// Only the template's repository has that folder beside it (build.sh skips the category elsewhere, saying so);
/// generated apps do not get this file.
/// </summary>
[Trait("Category", "SharedManifests")]
[Collection(CdkCollectionDefinition.Name)]
public sealed class SharedManifestTests
{
    private static string Folder
    {
        get
        {
            var folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "manifests"));
            return Directory.Exists(folder)
                ? folder
                : throw new DirectoryNotFoundException($"The shared manifests folder {folder} is missing: run with --filter Category!=SharedManifests (build.sh does).");
        }
    }

    /// <summary>File → the field the error names, or null when the manifest maps to AWS.</summary>
    private static readonly Dictionary<string, string?> ExpectedOutcomes = new()
    {
        ["aminparsa18__AspireToKube__1.json"] = "resources.sql.image", // SQL Server: no AWS mapping
        ["aspire-13.5.2-reference.json"] = "resources.pg.image", // PostgreSQL 18 > Aurora's 17
        ["daohainam__microservice-patterns__1.json"] = "resources.kafka.volumes", // Kafka maps to Fargate, its data volume cannot
        ["kristinkand__nocturne__1.json"] = null, // a Dockerfile-built web container and a project
        ["microsoft__aspire__1.json"] = "resources.messaging.volumes", // RabbitMQ maps to Fargate, its data volume cannot
        ["microsoft__aspire__2.json"] = "resources.infra-acr.type", // azure.bicep.v0
        ["microsoft__aspire__3.json"] = "resources.nodeapp.type", // executable.v0
        ["mmpmendes__weges-v2__1.json"] = null,
        ["skozlowsky__minishop-btnet__1.json"] = null, // maildev, RabbitMQ, a Dockerfile container, three databases on one server
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_or_fails_with_the_documented_error(string fileName)
    {
        Assert.True(ExpectedOutcomes.TryGetValue(fileName, out var expectedField), $"{fileName} has no expected outcome in the table.");
        var path = Path.Combine(Folder, fileName);

        var read = () => ManifestReader.Read(path, ManifestFixtures.SettingsWithDomain());

        if (expectedField is null)
        {
            var result = read();
            Assert.NotEmpty(result.Model.Workloads);
        }
        else
        {
            var error = Assert.Throws<ManifestException>(read);
            Assert.Equal(path, error.File);
            Assert.Equal(expectedField, error.Field);
            Assert.StartsWith($"{path}: {expectedField}: ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_table_entry_is_a_file()
    {
        var files = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName);

        Assert.Equal(ExpectedOutcomes.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Unsupported_resource_names_the_resource_and_field()
    {
        var manifest = Path.Combine(Folder, "microsoft__aspire__1.json");

        var run = CliRun.Of("synth", "--env", "dev", "--manifest", manifest, "--settings", RepositoryPaths.Settings, "--image-tag", "t1");

        CliBadInputTests.AssertBadInput(run, $"{manifest}: resources.messaging.volumes: a Fargate task has no persistent disk and EFS is not mapped");
    }

    [Fact]
    public void Job_missing_from_the_manifest_names_the_settings_field()
    {
        var path = Path.Combine(Folder, "mmpmendes__weges-v2__1.json");

        var error = Assert.Throws<SettingsException>(() => ManifestReader.Read(path, ManifestFixtures.Settings("migrations")));

        Assert.Equal("jobs[0]", error.Field);
        Assert.Contains($"'migrations' is not a project or container of {path}", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_weges_manifest_reads_with_its_migration_job()
    {
        var path = Path.Combine(Folder, "mmpmendes__weges-v2__1.json");

        var result = ManifestReader.Read(path, ManifestFixtures.Settings("weges-migration"));

        Assert.Equal([new DatabaseServerModel("pgserver", "postgres", 17, [new DatabaseModel("weges", "weges")])], result.Model.DatabaseServers);
        Assert.Equal(["weges-migration"], result.Model.Jobs.Select(j => j.Name));
        var web = result.Model.Workloads.Single(w => w.Name == "webfrontend");
        Assert.True(web.IsExternal);
        Assert.Equal(new ServiceUrlValue("apiservice", "http"), web.Environment.Single(e => e.Name == "services__apiservice__http__0").Value);
        Assert.Contains(result.Warnings, w => w.Field == "resources.webfrontend.env.services__apiservice__https__0");
        Assert.Empty(result.Model.Secrets);
    }

    [Fact]
    public void The_nocturne_manifest_synthesizes_its_dockerfile_container()
    {
        GrowingModelStackTests.SynthesizeValidated(Path.Combine(Folder, "kristinkand__nocturne__1.json"), "dev",
            application => Assert.Contains(application.Workloads, w => w.Name == "nocturne-web" && w.Image is DockerfileImage));
    }

    [Fact]
    public void The_minishop_manifest_synthesizes_its_three_databases_on_one_server_maildev_rabbitmq_and_its_dockerfile_container()
    {
        GrowingModelStackTests.SynthesizeValidated(Path.Combine(Folder, "skozlowsky__minishop-btnet__1.json"), "dev", application =>
        {
            Assert.Equal(["catalog", "inventory", "order"],
                application.DatabaseServers.Single().Databases.Select(d => d.DatabaseName).Order(StringComparer.Ordinal));
            Assert.Equal(
                ["maildev", "minishopweb", "rabbitmq"],
                application.Workloads.Where(w => !w.IsProject).Select(w => w.Name).Order(StringComparer.Ordinal));
        });
    }
}
