using System.Reflection;
using FluentMigrator.Runner;
using FluentMigrator.Runner.Initialization;
using FluentMigrator.Runner.VersionTableInfo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AppDelivery.Aspire.Migrations;

/// <summary>Brings a PostgreSQL database up to the latest schema.</summary>
public static class DatabaseMigrator
{
    /// <summary>
    /// Runs all migrations up under a PostgreSQL advisory lock; a copy that waited for the lock finds nothing to do.
    /// </summary>
    /// <param name="connectionString">Npgsql connection string; without a password Npgsql reads <c>PGPASSWORD</c>.</param>
    /// <param name="profile">FluentMigrator profile to apply too, e.g. <see cref="MigrationProfiles.Development"/>.</param>
    /// <param name="loggerFactory">Receives the runner's log (the SQL it runs); silent when null.</param>
    public static void Migrate(string connectionString, string? profile = null, ILoggerFactory? loggerFactory = null) =>
        Migrate(connectionString, profile, loggerFactory, []);

    /// <summary>As <see cref="Migrate(string, string?, ILoggerFactory?)"/>, also applying the migrations found in
    /// <paramref name="additionalMigrationAssemblies"/> (for tests).</summary>
    public static void Migrate(
        string connectionString,
        string? profile,
        ILoggerFactory? loggerFactory,
        params Assembly[] additionalMigrationAssemblies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        loggerFactory ??= NullLoggerFactory.Instance;
        var prepared = MigrationConnectionString.Prepare(connectionString);
        var logger = loggerFactory.CreateLogger(typeof(DatabaseMigrator));

        using var migrationLock = MigrationLock.Acquire(prepared, logger);
        using var services = new ServiceCollection()
            .AddSingleton(loggerFactory)
            .AddFluentMigratorCore()
            .ConfigureRunner(runner => runner
                .AddPostgres15_0()
                .WithGlobalConnectionString(prepared)
                .ScanIn([typeof(DatabaseMigrator).Assembly, .. additionalMigrationAssemblies]).For.Migrations())
            .Configure<RunnerOptions>(options => options.Profile = profile)
            .BuildServiceProvider(validateScopes: false);
        var runner = services.GetRequiredService<IMigrationRunner>();
        var applied = services.GetRequiredService<IVersionLoader>().VersionInfo;
        var pending = runner.MigrationLoader.LoadMigrations().Values.Where(m => !applied.HasAppliedMigration(m.Version)).Select(m => m.GetName()).ToList();
        var pendingNames = string.Join(", ", pending);
        MigrationLog.Applying(logger, pending.Count, pendingNames);
        runner.MigrateUp();
    }
}
