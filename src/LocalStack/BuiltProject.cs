namespace AppDelivery.Aspire.LocalStack;

/// <summary>A service's build output, built in the same configuration as this program.</summary>
internal sealed record BuiltProject(string Name, string AssemblyPath)
{
    public static BuiltProject Migrations { get; } = Find("Migrations");

    public static BuiltProject Api { get; } = Find("Api");

    public static BuiltProject Web { get; } = Find("Web");

    private static BuiltProject Find(string project)
    {
        // This program runs from src/LocalStack/bin/<Configuration>/<tfm>/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var source = output.Parent.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(source, project, "bin", configuration, output.Name, $"AppDelivery.Aspire.{project}.dll");
        return File.Exists(path)
            ? new BuiltProject(project, path)
            : throw new FileNotFoundException($"{project} is not built: run ./build.sh run (it builds first)", path);
    }
}
