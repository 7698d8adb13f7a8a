using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AppDelivery.Aspire.Deploy.Tests.Settings;

/// <summary>
/// The CDK CLI version is one fact, in package.json (and its lock): the workflows, docs and the Aspire deploy step
/// run <c>npx cdk</c> after <c>npm ci</c>, so upgrading it is one change.
/// </summary>
public sealed partial class CdkCliVersionTests
{
    private static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", "cdk.out", "artifacts", ".git", "TestResults"];

    [Fact]
    public void Package_json_pins_the_CDK_CLI_and_its_lock_agrees()
    {
        var pinned = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package.json")))!["devDependencies"]!["aws-cdk"];
        var locked = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "package-lock.json")))!["packages"]!["node_modules/aws-cdk"]!["version"];

        Assert.Matches(@"^\d+\.\d+\.\d+$", pinned);
        Assert.Equal(pinned, locked);
    }

    [Fact]
    public void No_other_file_names_a_CDK_CLI_version()
    {
        var pinningFiles = Files(RepositoryPaths.Root)
            .Where(file => Path.GetExtension(file) is ".md" or ".yml" or ".yaml" or ".cs" or ".sh" or ".json" && !Path.GetFileName(file).StartsWith("package", StringComparison.Ordinal))
            .Where(file => NpxWithVersion().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file));

        Assert.Empty(pinningFiles);
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.EnumerateFiles(folder).Concat(Directory.EnumerateDirectories(folder)
            .Where(sub => !SkippedFolders.Contains(Path.GetFileName(sub)))
            .SelectMany(Files));

    // Built from parts so that this file does not match itself.
    [GeneratedRegex("aws" + "-cdk@[0-9]")]
    private static partial Regex NpxWithVersion();
}
