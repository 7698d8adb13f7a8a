namespace AppDelivery.Aspire.Tests;

/// <summary>
/// The repository the tests were built from, found from the test binaries upwards; and the configuration
/// (Debug or Release) they, and so the projects they start, were built in. Linked into the test projects that need it.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string BuildConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AppDelivery.Aspire.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No AppDelivery.Aspire.slnx above {AppContext.BaseDirectory}.");
    }
}
