namespace AppDelivery.Aspire.LocalServers;

/// <summary>Locates a server executable, failing loudly with the command that installs it.</summary>
internal static class ServerBinary
{
    public static string Find(IEnumerable<string> candidateNames, IEnumerable<string> extraDirectories, string installCommand)
    {
        var names = candidateNames.ToList();
        var directories = extraDirectories
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        foreach (var name in names)
        {
            foreach (var directory in directories)
            {
                var path = Path.Combine(directory, name);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException(
            $"None of [{string.Join(", ", names)}] was found in [{string.Join(", ", directories)}]. Install it with: {installCommand}");
    }
}
