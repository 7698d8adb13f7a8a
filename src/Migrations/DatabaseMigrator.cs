using System.Reflection;
using FluentMigrator;
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
    /// Runs the app database's migrations up under a PostgreSQL advisory lock; a copy that waited for the lock
    /// finds nothing to do.
    /// </summary>
    /// <param name="connectionString">Npgsql connection string; without a password Npgsql reads <c>PGPASSWORD</c>.</param>
    /// <param name="profile">FluentMigrator profile to apply too, e.g. <see cref="MigrationProfiles.Development"/>.</param>
    /// <param name="loggerFactory">Receives the runner's log (the SQL it runs); silent when null.</param>
    public static void Migrate(string connectionString, string? profile = null, ILoggerFactory? loggerFactory = null) =>
        Migrate(connectionString, ResourceNames.Database, profile, loggerFactory);

    /// <summary>As <see cref="Migrate(string, string?, ILoggerFactory?)"/>, also applying the migrations found in
    /// <paramref name="additionalMigrationAssemblies"/> (for tests).</summary>
    public static void Migrate(
        string connectionString,
        string? profile,
        ILoggerFactory? loggerFactory,
        params Assembly[] additionalMigrationAssemblies) =>
        Migrate(connectionString, ResourceNames.Database, profile, loggerFactory, additionalMigrationAssemblies);

    /// <summary>
    /// Migrates the database the AppHost names <paramref name="database"/>: for the app's own database
    /// (<see cref="ResourceNames.Database"/>) the untagged migrations, for any other the migrations tagged
    /// <c>[Tags("<paramref name="database"/>")]</c> only, and no profile.
    /// </summary>
    public static void Migrate(
        string connectionString,
        string database,
        string? profile,
        ILoggerFactory? loggerFactory,
        params Assembly[] additionalMigrationAssemblies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(database);
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
            .Configure<RunnerOptions>(options =>
            {
                // FluentMigrator applies a profile whatever its tags: the seed data is the app database's only.
                var isAppDatabase = database == ResourceNames.Database;
                options.Profile = isAppDatabase ? profile : null;
                options.Tags = [database];
                options.IncludeUntaggedMigrations = isAppDatabase;
                options.IncludeUntaggedMaintenances = isAppDatabase;
            })
            .BuildServiceProvider(validateScopes: false);
        var runner = services.GetRequiredService<IMigrationRunner>();
        var applied = services.GetRequiredService<IVersionLoader>().VersionInfo;
        var pending = runner.MigrationLoader.LoadMigrations().Values.Where(m => !applied.HasAppliedMigration(m.Version)).Select(m => m.GetName()).ToList();
        var pendingNames = string.Join(", ", pending);
        MigrationLog.Applying(logger, pending.Count, pendingNames);
        runner.MigrateUp();
    }

    /// <summary>The app's database, then every database a migration of this runner is tagged with.</summary>
    public static IReadOnlyList<string> Databases() =>
    [
        ResourceNames.Database,
        .. typeof(DatabaseMigrator).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributes<TagsAttribute>().SelectMany(tags => tags.TagNames))
            .Where(tag => tag != ResourceNames.Database)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
