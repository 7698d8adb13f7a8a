namespace AppDelivery.Aspire.LocalServers;

/// <summary>Writes files that hold a password: readable by their owner only, from the moment they exist.</summary>
public static class PrivateFile
{
    public static async Task WriteAllTextAsync(string path, string contents, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var writer = new StreamWriter(path, options);
        await writer.WriteAsync(contents.AsMemory(), cancellationToken);
    }
}
