namespace AppDelivery.Aspire.Migrations.Tests;

public sealed class DevelopmentProfileTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Development_profile_seeds_a_getting_started_board_with_three_items()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        DatabaseMigrator.Migrate(database.ConnectionString, MigrationProfiles.Development);

        Assert.Equal(["Getting started"], await database.ColumnAsync<string>("SELECT name FROM boards"));
        Assert.Equal(
            ["done", "in-progress", "todo"],
            await database.ColumnAsync<string>("SELECT status FROM work_items ORDER BY status"));
    }

    [Fact]
    public async Task Development_profile_seeds_once_however_often_it_runs()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        DatabaseMigrator.Migrate(database.ConnectionString, MigrationProfiles.Development);
        DatabaseMigrator.Migrate(database.ConnectionString, MigrationProfiles.Development);

        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM boards"));
        Assert.Equal(3L, await database.ScalarAsync<long>("SELECT count(*) FROM work_items"));
    }

    [Fact]
    public async Task Without_a_profile_nothing_is_seeded()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        DatabaseMigrator.Migrate(database.ConnectionString);

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM boards"));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM work_items"));
    }
}
