using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using AppDelivery.Aspire.Tests;
using Xunit.Abstractions;

[assembly: SupportedOSPlatform("linux")]

namespace AppDelivery.Aspire.Template.Tests;

/// <summary>Apps generated from the packed template, each checked the way its team will use it.</summary>
[Collection(TemplatePackageTestGroup.Name)]
public sealed class GeneratedAppTests(TemplatePackage package, ITestOutputHelper output)
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan WholeTestRunTimeout = TimeSpan.FromMinutes(30);
    private static readonly string[] NotSource = ["bin", "obj", "artifacts", "node_modules", "cdk.out"];

    [Fact]
    public async Task Default_app_passes_its_own_build_sh_test()
    {
        var app = await package.NewAppAsync("Contoso.Shop");
        AssertIsTheAppsOwn(app, "Contoso.Shop");
        Assert.True(File.Exists(Path.Combine(app, "src", "Deploy", "Deploy.csproj")));
        Assert.True(Directory.Exists(Path.Combine(app, ".github", "workflows")));

        var test = await TimedAsync("./build.sh test", () => ExternalCommand.RunAsync(Path.Combine(app, "build.sh"), ["test"], app, WholeTestRunTimeout));

        test.EnsureSuccess();
        var summary = test.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last();
        Assert.Matches("^[1-9][0-9]* passed, 0 failed$", summary);
        output.WriteLine(summary);
    }

    [Fact]
    public async Task App_without_the_aws_deployment_or_workflows_builds_and_its_model_tests_pass()
    {
        var app = await package.NewAppAsync("Acme-Shop.2", "--aws", "false", "--github-workflows", "false", "--no-restore");
        AssertIsTheAppsOwn(app, "Acme_Shop._2");
        foreach (var path in new[] { "src/Deploy", "tests/Deploy.Tests", "tools", ".github", "cdk.json", "deploysettings.json", "docs/deploy.md", "docs/ci.md", "src/AppHost/AwsSdkConfigExtensions.cs" })
        {
            Assert.False(Path.Exists(Path.Combine(app, path)), $"{path} was generated");
        }

        foreach (var file in new[] { "Acme_Shop._2.slnx", "build.sh", "README.md", "Directory.Packages.props", "src/AppHost/AppHost.csproj", "src/AppHost/AppHost.cs" })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(app, file));
            Assert.DoesNotContain("Deploy", text.Replace("deployment manifest", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("AspireAwsIntegration", text, StringComparison.Ordinal);
        }

        await BuildAndTestTheModelAsync(app, "Acme_Shop._2.slnx");
    }

    [Fact]
    public async Task Region_and_account_options_reach_the_synthesized_stacks()
    {
        var app = await package.NewAppAsync("contoso-shop", "--aws-region", "us-east-1", "--aws-account", "123456789012", "--github-workflows", "false", "--no-restore");
        AssertIsTheAppsOwn(app, "contoso_shop");
        Assert.False(Directory.Exists(Path.Combine(app, ".github")));

        foreach (var environment in new[] { "dev", "prod" })
        {
            await TimedAsync($"./build.sh synth --env {environment}", async () =>
                (await ExternalCommand.RunAsync(Path.Combine(app, "build.sh"), ["synth", "--env", environment, "--image-tag", "t1"], app, BuildTimeout)).EnsureSuccess());
            var assembly = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app, "cdk.out", "manifest.json")))!;
            var stacks = assembly["artifacts"]!.AsObject().Where(a => (string?)a.Value!["type"] == "aws:cloudformation:stack").ToList();
            Assert.Equal(["contoso-shop-base", $"contoso-shop-{environment}"], stacks.Select(s => s.Key).Order(StringComparer.Ordinal));
            Assert.All(stacks, s => Assert.Equal("aws://123456789012/us-east-1", (string?)s.Value!["environment"]));
        }
    }

    [Fact]
    public async Task Growing_guide_adds_a_worker_that_synthesizes_as_a_service_without_a_load_balancer()
    {
        var app = await package.NewAppAsync("Contoso.Shop", "--github-workflows", "false", "--no-restore");

        var steps = GuideStep.Read(Path.Combine(app, "docs", "growing.md"));
        Assert.Equal(3, steps.Count(s => s.ApplyFile(app)));
        var commands = steps.Where(s => s.Language == "bash").ToList();
        Assert.Equal(2, commands.Count);
        foreach (var command in commands)
        {
            await TimedAsync($"guide: {command.Text.Trim().Replace('\n', ';')}", async () =>
                (await ExternalCommand.RunAsync("bash", ["-euo", "pipefail", "-c", command.Text], app, BuildTimeout)).EnsureSuccess());
        }

        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app, "cdk.out", "contoso-shop-dev.template.json")))!;
        var services = template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::ECS::Service").ToList();
        var worker = Assert.Single(services, s => (string?)s.Value!["Properties"]!["ServiceName"] == "worker");
        Assert.Null(worker.Value!["Properties"]!["LoadBalancers"]);
    }

    private async Task BuildAndTestTheModelAsync(string app, string solution)
    {
        await TimedAsync($"dotnet build {solution}", async () =>
            (await ExternalCommand.RunAsync("dotnet", ["build", solution, "-c", "Release", "-nologo", "-clp:ErrorsOnly"], app, BuildTimeout)).EnsureSuccess());
        var test = await TimedAsync("AppHost model and manifest tests", async () => (await ExternalCommand.RunAsync(
            "dotnet", ["test", "tests/AppHost.Tests", "-c", "Release", "--no-build", "--filter", "Category!=RunMode&Category!=Containers"], app, BuildTimeout)).EnsureSuccess());
        Assert.Contains("Failed:     0", test.StandardOutput, StringComparison.Ordinal);
    }

    /// <summary>Executable build.sh, the app's own solution name, and nothing of the template's name or its repository.</summary>
    private static void AssertIsTheAppsOwn(string app, string solutionName)
    {
        Assert.True(File.Exists(Path.Combine(app, solutionName + ".slnx")), $"{solutionName}.slnx is missing");
        Assert.True(File.GetUnixFileMode(Path.Combine(app, "build.sh")).HasFlag(UnixFileMode.UserExecute), "build.sh is not executable");
        foreach (var path in new[] { "template", ".template.config", ".ci", "docs/template.md", "tests/Deploy.Tests/Manifest/SharedManifestTests.cs" })
        {
            Assert.False(Path.Exists(Path.Combine(app, path)), $"{path} belongs to the template's repository");
        }

        var leaks = new List<string>();
        foreach (var file in Directory.EnumerateFiles(app, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(app, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(NotSource.Contains))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (relative.Contains("appdelivery", StringComparison.OrdinalIgnoreCase) || text.Contains("appdelivery", StringComparison.OrdinalIgnoreCase))
            {
                leaks.Add(relative);
            }

            if (text.Contains("#if (templateRepository)", StringComparison.Ordinal))
            {
                leaks.Add(relative + " (template condition)");
            }
        }

        Assert.Empty(leaks);
    }

    private async Task<T> TimedAsync<T>(string what, Func<Task<T>> action)
    {
        var started = DateTime.UtcNow;
        var result = await action();
        output.WriteLine($"{what}: {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        return result;
    }
}
