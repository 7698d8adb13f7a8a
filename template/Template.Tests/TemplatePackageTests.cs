using AppDelivery.Aspire.Tests;

namespace AppDelivery.Aspire.Template.Tests;

[Collection(TemplatePackageTestGroup.Name)]
public sealed class TemplatePackageTests(TemplatePackage package)
{
    [Fact]
    public async Task Package_holds_exactly_the_committed_app()
    {
        var committed = (await ExternalCommand.RunAsync("git", ["ls-files"], RepositoryRoot.Path, TimeSpan.FromSeconds(30))).EnsureSuccess()
            .StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => !f.StartsWith("template/", StringComparison.Ordinal) && !f.StartsWith(".ci/", StringComparison.Ordinal) && f != "docs/template.md");

        Assert.Equal(committed.Order(StringComparer.Ordinal), package.ContentFiles().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Help_lists_every_option_with_its_default()
    {
        var help = (await package.DotnetNewAsync([TemplatePackage.ShortName, "--help"])).EnsureSuccess().StandardOutput;

        foreach (var option in new[] { "--aws", "--github-workflows", "--web", "--cache", "--seed-data", "--aws-region <aws-region>", "--aws-account <aws-account>", "--app-name <app-name>", "--no-restore" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }

        Assert.Contains("Default: eu-west-1", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_run_writes_nothing_and_names_the_post_actions()
    {
        var output = Path.Combine(Path.GetTempPath(), "dry-run-" + Guid.NewGuid().ToString("N"));

        var dryRun = (await package.DotnetNewAsync([TemplatePackage.ShortName, "-n", "Contoso.Shop", "-o", output, "--dry-run"])).EnsureSuccess().StandardOutput;

        Assert.False(Directory.Exists(output));
        Assert.Contains("Contoso.Shop.slnx", dryRun, StringComparison.Ordinal);
        Assert.Contains("Restore NuGet packages", dryRun, StringComparison.Ordinal);
        Assert.Contains("Make build.sh executable", dryRun, StringComparison.Ordinal);
    }
}
