namespace AppDelivery.Aspire.AppHost.Tests;

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>Debug or Release: the configuration these tests (and so the AppHost) were built in.</summary>
    public static string BuildConfiguration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar)).Parent!.Name;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AppDelivery.Aspire.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No AppDelivery.Aspire.sln above {AppContext.BaseDirectory}");
    }
}
