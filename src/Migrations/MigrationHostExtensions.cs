using AppDelivery.Aspire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppDelivery.Aspire.Migrations;

public static class MigrationHostExtensions
{
    /// <summary>
    /// Migrates the database named by <c>ConnectionStrings:appdb</c> and returns the process exit code
    /// (<see cref="MigrationExitCodes"/>). Not a BackgroundService: one that throws still ends the process with 0.
    /// </summary>
    public static async Task<int> RunMigrationsAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var connectionString = configuration.GetConnectionString(ResourceNames.Database);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await Console.Error.WriteLineAsync(
                $"Missing configuration 'ConnectionStrings:{ResourceNames.Database}' " +
                $"(environment variable ConnectionStrings__{ResourceNames.Database}): the database to migrate.");
            return MigrationExitCodes.MissingConfiguration;
        }

        var loggerFactory = host.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger(typeof(MigrationHostExtensions));
        await host.StartAsync();
        try
        {
            var profile = configuration[ConfigurationKeys.MigrationsProfile];
//#if (aws)
            if (configuration.GetValue<bool>(ConfigurationKeys.DatabaseIamAuthentication))
            {
                connectionString = await MigrationConnectionString.WithIamTokenAsync(connectionString, CancellationToken.None);
            }
//#endif

            DatabaseMigrator.Migrate(connectionString, profile, loggerFactory);
            MigrationLog.Migrated(logger, profile);
            return MigrationExitCodes.Success;
        }
        catch (Exception exception)
        {
            MigrationLog.Failed(logger, exception);
            return MigrationExitCodes.Failed;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
