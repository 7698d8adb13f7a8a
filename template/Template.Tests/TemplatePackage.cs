using System.IO.Compression;
using AppDelivery.Aspire.Tests;

namespace AppDelivery.Aspire.Template.Tests;

/// <summary>
/// The template package packed from this repository and installed into a hive of its own (the user's template
/// list is never touched); apps are generated beside it in a temporary folder that is deleted afterwards.
/// </summary>
public sealed class TemplatePackage : IAsyncLifetime
{
    public const string ShortName = "appdelivery-aspire";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    private readonly string _root = Directory.CreateTempSubdirectory("template-tests-").FullName;

    public string PackagePath { get; private set; } = string.Empty;

    private string Hive => Path.Combine(_root, "hive");

    public async Task InitializeAsync()
    {
        var packages = Path.Combine(_root, "packages");
        var project = Path.Combine(RepositoryRoot.Path, "template", "AppDelivery.Aspire.Templates.csproj");
        (await ExternalCommand.RunAsync(
            "dotnet", ["pack", project, "-c", RepositoryRoot.BuildConfiguration, "-o", packages, "-nologo"], RepositoryRoot.Path, CommandTimeout))
            .EnsureSuccess();
        PackagePath = Directory.GetFiles(packages, "*.nupkg").Single();
        (await DotnetNewAsync(["install", PackagePath])).EnsureSuccess();
    }

    /// <summary>The files under the package's content folder, relative to the generated app's root.</summary>
    public IReadOnlyList<string> ContentFiles()
    {
        using var package = ZipFile.OpenRead(PackagePath);
        const string Content = "content/app/";
        return [.. package.Entries.Select(e => e.FullName).Where(n => n.StartsWith(Content, StringComparison.Ordinal)).Select(n => n[Content.Length..])];
    }

    /// <summary>Runs <c>dotnet new</c> with this package's hive.</summary>
    public Task<ExternalCommand> DotnetNewAsync(IEnumerable<string> arguments) =>
        ExternalCommand.RunAsync("dotnet", ["new", .. arguments, "--debug:custom-hive", Hive], _root, CommandTimeout);

    /// <summary>Generates an app named <paramref name="name"/> with <paramref name="options"/>; returns its folder.</summary>
    public async Task<string> NewAppAsync(string name, params string[] options)
    {
        var output = Path.Combine(_root, "apps", name + "-" + Guid.NewGuid().ToString("N")[..6]);
        (await DotnetNewAsync([ShortName, "-n", name, "-o", output, .. options])).EnsureSuccess();
        return output;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class TemplatePackageTestGroup : ICollectionFixture<TemplatePackage>
{
    /// <summary>One package for every test, and one generated app built at a time (2 cores).</summary>
    public const string Name = "Template package";
}
