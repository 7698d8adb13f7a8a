using Npgsql;

namespace AppDelivery.Aspire.Migrations.Tests.Broken;

public sealed class BrokenMigrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_failing_migration_throws_and_is_rolled_back()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        var error = Assert.ThrowsAny<Exception>(
            () => DatabaseMigrator.Migrate(database.ConnectionString, profile: null, loggerFactory: null, typeof(FailingMigration).Assembly));

        Assert.Equal(PostgresErrorCodes.DivisionByZero, FindPostgresError(error)?.SqlState);
        Assert.Equal(KnownMigrations.Versions, await database.AppliedVersionsAsync());
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'"));
    }

    [Fact]
    public async Task After_a_failure_the_lock_is_released()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());
        Assert.ThrowsAny<Exception>(
            () => DatabaseMigrator.Migrate(database.ConnectionString, profile: null, loggerFactory: null, typeof(FailingMigration).Assembly));

        await Task.Run(() => DatabaseMigrator.Migrate(database.ConnectionString)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(KnownMigrations.Versions, await database.AppliedVersionsAsync());
    }

    private static PostgresException? FindPostgresError(Exception? exception) =>
        exception switch
        {
            null => null,
            PostgresException postgresException => postgresException,
            _ => FindPostgresError(exception.InnerException),
        };
}
