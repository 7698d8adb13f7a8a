using AppDelivery.Aspire.Deploy.Manifest;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.Manifest;

/// <summary>Every real manifest in ../shared/manifests either reads or fails with the documented error; none crashes.</summary>
[Trait("Category", RepositoryPaths.SharedManifestsCategory)]
public sealed class SharedManifestTests
{
    /// <summary>File → the field the error names, or null when the manifest maps to AWS.</summary>
    private static readonly Dictionary<string, string?> ExpectedOutcomes = new()
    {
        ["aminparsa18__AspireToKube__1.json"] = "resources.sql.image", // SQL Server
        ["aspire-13.5.2-reference.json"] = "resources.pg.image", // PostgreSQL 18 > Aurora's 17
        ["daohainam__microservice-patterns__1.json"] = "resources.kafka.image",
        ["kristinkand__nocturne__1.json"] = "resources.nocturne-web.image", // container built from a Dockerfile
        ["microsoft__aspire__1.json"] = "resources.messaging.image", // RabbitMQ
        ["microsoft__aspire__2.json"] = "resources.infra-acr.type", // azure.bicep.v0
        ["microsoft__aspire__3.json"] = "resources.nodeapp.type", // executable.v0
        ["mmpmendes__weges-v2__1.json"] = null,
        ["skozlowsky__minishop-btnet__1.json"] = "resources.maildev.image",
    };

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.SharedManifests, "*.json").Order(StringComparer.Ordinal))
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
        var path = Path.Combine(RepositoryPaths.SharedManifests, fileName);

        var read = () => ManifestReader.Read(path, ManifestFixtures.Settings());

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
        var files = Directory.GetFiles(RepositoryPaths.SharedManifests, "*.json").Select(Path.GetFileName);

        Assert.Equal(ExpectedOutcomes.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }
}
