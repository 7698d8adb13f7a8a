using System.Security.Cryptography;
using System.Text;

namespace AppDelivery.Aspire.AppHost.LocalServers;

/// <summary>
/// Where an executable server keeps its data between runs, one folder per AppHost (as Aspire names volumes:
/// application name and a hash of the AppHost's path), so two checkouts never share a database.
/// </summary>
internal static class LocalDataDirectory
{
    /// <summary>Overrides the folder that holds every application's data (tests use a throwaway one).</summary>
    public const string RootKey = "AppHost:LocalServersData";

    private const string RootFolderName = "aspire-local-servers";

    /// <param name="osUser">The OS user the server runs as when it is not this process's user (PostgreSQL under root).</param>
    public static string For(IDistributedApplicationBuilder builder, string resourceName, string? osUser = null)
    {
        var root = builder.Configuration[RootKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(
                osUser is null
                    ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create)
                    : HomeOf(osUser),
                RootFolderName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.AppHostDirectory)))[..10];
        var application = builder.Environment.ApplicationName.ToLowerInvariant().Replace('.', '-');
        return Path.Combine(root, $"{application}-{hash}", resourceName);
    }

    /// <summary>The home directory /etc/passwd gives <paramref name="osUser"/>: the one place that user can surely write.</summary>
    private static string HomeOf(string osUser) =>
        File.ReadLines("/etc/passwd")
            .Select(line => line.Split(':'))
            .FirstOrDefault(fields => fields.Length > 5 && fields[0] == osUser)?[5]
        ?? throw new InvalidOperationException($"The OS user '{osUser}' does not exist: install the server package that creates it.");
}
