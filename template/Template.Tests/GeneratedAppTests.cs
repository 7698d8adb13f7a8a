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

    // Aspire.Hosting.AWS does not restore here: build.sh probes for it, a plain dotnet build must be told (README).
    private static readonly string[] AwsIntegrationOff = ["-p:AspireAwsIntegration=false"];

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
    public async Task Api_only_app_without_cache_or_seed_data_runs_locally_and_deploys_the_api_public_without_elasticache()
    {
        // Named like one of its own projects on purpose: Contoso.Api is a namespace that code in Contoso.Api.* must not confuse with a name.
        var app = await package.NewAppAsync("Contoso.Api", "--web", "false", "--cache", "false", "--seed-data", "false", "--github-workflows", "false", "--no-restore");
        AssertIsTheAppsOwn(app, "Contoso.Api");
        AssertAbsent(app, "src/Web", "tests/Web.Tests", "src/Api/Caching", "tests/Api.Tests/CacheTests.cs", "bench", "src/LocalServers/ValkeyServer.cs", "src/Migrations/Seed");
        Assert.DoesNotContain("\"seedData\": true", await File.ReadAllTextAsync(Path.Combine(app, "deploysettings.json")), StringComparison.Ordinal);
        AssertNoCacheCode(app);

        // Run mode included: `dotnet run`, `aspire run` and the dashboard show the Api as the app's front door.
        await BuildAndTestTheModelAsync(app, "Contoso.Api.slnx", "Category!=Containers");
        await TestAsync(app, "tests/Api.Tests");
        await TestAsync(app, "tests/Deploy.Tests", "FullyQualifiedName~CommittedManifestTests");

        var template = await SynthesizeAsync(app, "dev", "contoso-api-dev");
        var service = Assert.Single(template["Resources"]!.AsObject(), r => (string?)r.Value!["Type"] == "AWS::ECS::Service");
        Assert.Equal("api", (string?)service.Value!["Properties"]!["ServiceName"]);
        Assert.NotNull(service.Value!["Properties"]!["LoadBalancers"]);
        Assert.DoesNotContain(template["Resources"]!.AsObject(), r => ((string?)r.Value!["Type"])!.StartsWith("AWS::ElastiCache::", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Web_app_without_the_api_cache_builds_and_its_api_and_model_tests_pass()
    {
        var app = await package.NewAppAsync("Contoso.Shop", "--cache", "false", "--aws", "false", "--github-workflows", "false", "--no-restore");
        AssertIsTheAppsOwn(app, "Contoso.Shop");
        AssertAbsent(app, "src/Api/Caching", "tests/Api.Tests/CacheOutageTests.cs", "bench");
        AssertNoCacheCode(app);

        await BuildAndTestTheModelAsync(app, "Contoso.Shop.slnx");
        await TestAsync(app, "tests/Api.Tests");
    }

    [Fact]
    public async Task Api_only_app_with_the_cache_builds_and_its_model_tests_pass()
    {
        var app = await package.NewAppAsync("Fabrikam.Orders", "--web", "false", "--aws", "false", "--github-workflows", "false", "--no-restore");
        AssertIsTheAppsOwn(app, "Fabrikam.Orders");
        AssertAbsent(app, "src/Web", "tests/Web.Tests");
        Assert.True(Directory.Exists(Path.Combine(app, "src", "Api", "Caching")));

        await BuildAndTestTheModelAsync(app, "Fabrikam.Orders.slnx");
    }

    [Fact]
    public async Task Region_account_and_app_name_options_reach_the_synthesized_stacks()
    {
        var app = await package.NewAppAsync(
            "contoso-shop", "--aws-region", "us-east-1", "--aws-account", "123456789012", "--app-name", "webshop", "--github-workflows", "false", "--no-restore");
        AssertIsTheAppsOwn(app, "contoso_shop");
        Assert.False(Directory.Exists(Path.Combine(app, ".github")));

        foreach (var environment in new[] { "dev", "prod" })
        {
            await TimedAsync($"./build.sh synth --env {environment}", async () =>
                (await ExternalCommand.RunAsync(Path.Combine(app, "build.sh"), ["synth", "--env", environment, "--image-tag", "t1"], app, BuildTimeout)).EnsureSuccess());
            var assembly = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app, "cdk.out", "manifest.json")))!;
            var stacks = assembly["artifacts"]!.AsObject().Where(a => (string?)a.Value!["type"] == "aws:cloudformation:stack").ToList();
            Assert.Equal(["webshop-base", $"webshop-{environment}"], stacks.Select(s => s.Key).Order(StringComparer.Ordinal));
            Assert.All(stacks, s => Assert.Equal("aws://123456789012/us-east-1", (string?)s.Value!["environment"]));
        }
    }

    [Fact]
    public async Task Growing_guide_adds_a_worker_its_database_and_a_container_that_synthesize()
    {
        var app = await package.NewAppAsync("Contoso.Shop", "--github-workflows", "false", "--no-restore");

        var steps = GuideStep.Read(Path.Combine(app, "docs", "growing.md"));
        Assert.Equal(5, steps.Count(s => s.ApplyFile(app)));
        var commands = steps.Where(s => s.Language == "bash").ToList();
        Assert.Equal(3, commands.Count);
        foreach (var command in commands)
        {
            await TimedAsync($"guide: {command.Text.Trim().Replace('\n', ';')}", async () =>
                (await ExternalCommand.RunAsync("bash", ["-euo", "pipefail", "-c", command.Text], app, BuildTimeout)).EnsureSuccess());
        }

        var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app, "cdk.out", "contoso-shop-dev.template.json")))!;
        var services = template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::ECS::Service").ToList();
        foreach (var name in new[] { "worker", "mail" })
        {
            var service = Assert.Single(services, s => (string?)s.Value!["Properties"]!["ServiceName"] == name);
            Assert.Null(service.Value!["Properties"]!["LoadBalancers"]);
        }

        // The database access gate creates the reports database: the migrations own its schema, the worker uses its rows.
        var databaseAccess = template["Resources"]!.AsObject()
            .Select(r => r.Value!["Properties"]?["Environment"]?["Variables"]?["DATABASES"])
            .OfType<JsonNode>()
            .Select(Flatten)
            .Single();
        Assert.Contains("""{"name":"reports","owners":["migrations"],"users":["worker"]}""", databaseAccess, StringComparison.Ordinal);
    }

    /// <summary>The literal text of a value CloudFormation joins from parts (<c>Fn::Join</c>); references become empty.</summary>
    private static string Flatten(JsonNode node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray array => string.Concat(array.OfType<JsonNode>().Select(Flatten)),
        JsonObject joined when joined["Fn::Join"] is JsonArray { Count: 2 } join => Flatten(join[1]!),
        _ => "",
    };

    private async Task TestAsync(string app, string project, string? filter = null)
    {
        string[] arguments = ["test", project, "-c", "Release", "--no-build", .. filter is null ? Array.Empty<string>() : ["--filter", filter]];
        var test = await TimedAsync($"dotnet test {project} {filter}", async () =>
            (await ExternalCommand.RunAsync("dotnet", arguments, app, BuildTimeout)).EnsureSuccess());
        Assert.Contains("Failed:     0", test.StandardOutput, StringComparison.Ordinal);
    }

    private async Task<JsonNode> SynthesizeAsync(string app, string environment, string stackName)
    {
        await TimedAsync($"./build.sh synth --env {environment}", async () =>
            (await ExternalCommand.RunAsync(Path.Combine(app, "build.sh"), ["synth", "--env", environment, "--image-tag", "t1"], app, BuildTimeout)).EnsureSuccess());
        return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(app, "cdk.out", stackName + ".template.json")))!;
    }

    private static void AssertAbsent(string app, params string[] paths)
    {
        foreach (var path in paths)
        {
            Assert.False(Path.Exists(Path.Combine(app, path)), $"{path} was generated");
        }
    }

    /// <summary>The Api and its tests neither cache nor mention a cache.</summary>
    private static void AssertNoCacheCode(string app)
    {
        var mentions = new[] { "src/Api", "tests/Api.Tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(app, folder), "*", SearchOption.AllDirectories))
            .Where(file => !Path.GetRelativePath(app, file).Split(Path.DirectorySeparatorChar).Any(NotSource.Contains))
            .Where(file => File.ReadAllText(file) is var text
                && (text.Contains("cache", StringComparison.OrdinalIgnoreCase) || text.Contains("redis", StringComparison.OrdinalIgnoreCase) || text.Contains("valkey", StringComparison.OrdinalIgnoreCase)))
            .Select(file => Path.GetRelativePath(app, file));
        Assert.Empty(mentions);
    }

    private async Task BuildAndTestTheModelAsync(string app, string solution, string appHostTests = "Category!=RunMode&Category!=Containers")
    {
        await TimedAsync($"dotnet build {solution}", async () =>
            (await ExternalCommand.RunAsync("dotnet", ["build", solution, "-c", "Release", "-nologo", "-clp:ErrorsOnly", .. AwsIntegrationOff], app, BuildTimeout)).EnsureSuccess());
        var test = await TimedAsync($"AppHost tests ({appHostTests})", async () => (await ExternalCommand.RunAsync(
            "dotnet", ["test", "tests/AppHost.Tests", "-c", "Release", "--no-build", "--filter", appHostTests], app, BuildTimeout)).EnsureSuccess());
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
