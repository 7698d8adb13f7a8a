using AppDelivery.Aspire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AppDelivery.Aspire.Migrations;

public static class MigrationHostExtensions
{
    /// <summary>
    /// Migrates the app's database (<c>ConnectionStrings:appdb</c>) and every other database its migrations are
    /// tagged with (<see cref="DatabaseMigrator.Databases"/>), in that order, and returns the process exit code
    /// (<see cref="MigrationExitCodes"/>). Not a BackgroundService: one that throws still ends the process with 0.
    /// </summary>
    public static async Task<int> RunMigrationsAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var databases = DatabaseMigrator.Databases();
        var missing = databases.Where(database => string.IsNullOrWhiteSpace(configuration.GetConnectionString(database))).ToList();
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, missing.Select(database =>
                $"Missing configuration 'ConnectionStrings:{database}' (environment variable ConnectionStrings__{database}): " +
                (database == ResourceNames.Database ? "the database to migrate." : $"migrations are tagged [Tags(\"{database}\")]; reference that database from the migrations in the AppHost."))));
            return MigrationExitCodes.MissingConfiguration;
        }

        var loggerFactory = host.Services.GetRequiredService<ILoggerFactory>();
        var logger = loggerFactory.CreateLogger(typeof(MigrationHostExtensions));
        await host.StartAsync();
        try
        {
            var profile = configuration[ConfigurationKeys.MigrationsProfile];
            foreach (var database in databases)
            {
                var connectionString = configuration.GetConnectionString(database)!;
//#if (aws)
                if (configuration.GetValue<bool>(ConfigurationKeys.DatabaseIamAuthentication))
                {
                    connectionString = await MigrationConnectionString.WithIamTokenAsync(connectionString, CancellationToken.None);
                }
//#endif

                DatabaseMigrator.Migrate(connectionString, database, profile, loggerFactory);
            }

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
