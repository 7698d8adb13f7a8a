using Microsoft.Extensions.Logging.Abstractions;

namespace AppDelivery.Aspire.Migrations.Tests;

public sealed class ConcurrentMigrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Two_copies_started_at_once_both_succeed_and_apply_each_migration_once()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        await Task.WhenAll(
                Task.Run(() => DatabaseMigrator.Migrate(database.ConnectionString, MigrationProfiles.Development)),
                Task.Run(() => DatabaseMigrator.Migrate(database.ConnectionString, MigrationProfiles.Development)))
            .WaitAsync(Timeout);

        Assert.Equal(KnownMigrations.Versions, await database.AppliedVersionsAsync());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM boards"));
    }

    [Fact]
    public async Task A_copy_waits_while_another_holds_the_lock()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());
        var migration = Task.CompletedTask;
        using (MigrationLock.Acquire(database.ConnectionString, NullLogger.Instance))
        {
            migration = Task.Run(() => DatabaseMigrator.Migrate(database.ConnectionString));

            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(migration.IsCompleted);
            Assert.Equal(
                0L,
                await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'VersionInfo'"));
        }

        await migration.WaitAsync(Timeout);
        Assert.Equal(KnownMigrations.Versions, await database.AppliedVersionsAsync());
    }
}
