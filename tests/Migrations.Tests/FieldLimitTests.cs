using Npgsql;

namespace AppDelivery.Aspire.Migrations.Tests;

/// <summary>
/// The schema's CHECK constraints (literals in migrations that never change) hold the limits and statuses the Api
/// and the Web use from <see cref="FieldLimits"/> and <see cref="WorkItemStatuses"/>.
/// </summary>
public sealed class FieldLimitTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string BoardId = "00000000-0000-0000-0000-0000000000b1";

    [Theory]
    [InlineData("boards", "name", FieldLimits.BoardName)]
    [InlineData("work_items", "title", FieldLimits.WorkItemTitle)]
    [InlineData("work_items", "description", FieldLimits.WorkItemDescription)]
    public async Task Database_takes_the_longest_value_and_refuses_one_more_character(string table, string column, int limit)
    {
        var database = await MigratedDatabaseAsync();

        await database.ExecuteAsync(Insert(table, column, $"repeat('x', {limit})"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(Insert(table, column, $"repeat('x', {limit + 1})")));

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    [Fact]
    public async Task Database_takes_every_status_and_refuses_another()
    {
        var database = await MigratedDatabaseAsync();

        foreach (var status in WorkItemStatuses.All)
        {
            await database.ExecuteAsync(Insert("work_items", "status", $"'{status}'"));
        }

        var error = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(Insert("work_items", "status", "'blocked'")));
        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
    }

    private async Task<Database> MigratedDatabaseAsync()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());
        DatabaseMigrator.Migrate(database.ConnectionString);
        await database.ExecuteAsync($"INSERT INTO boards (id, name) VALUES ('{BoardId}', 'Limits')");
        return database;
    }

    /// <summary>A row of <paramref name="table"/> whose <paramref name="column"/> is the SQL <paramref name="value"/>.</summary>
    private static string Insert(string table, string column, string value) => (table, column) switch
    {
        ("boards", _) => $"INSERT INTO boards (id, {column}) VALUES (gen_random_uuid(), {value})",
        (_, "title") => $"INSERT INTO work_items (id, board_id, title) VALUES (gen_random_uuid(), '{BoardId}', {value})",
        _ => $"INSERT INTO work_items (id, board_id, title, {column}) VALUES (gen_random_uuid(), '{BoardId}', 'item', {value})",
    };
}
