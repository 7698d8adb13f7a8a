using Npgsql;

namespace AppDelivery.Aspire.Migrations.Tests;

public sealed class SchemaMigrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Up_on_an_empty_database_creates_the_contract_columns()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        DatabaseMigrator.Migrate(database.ConnectionString);

        var columns = await database.ColumnAsync<string>(
            """
            SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '-')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name IN ('boards', 'work_items')
            ORDER BY table_name, ordinal_position
            """);
        Assert.Equal(
            [
                "boards.id uuid NO -",
                "boards.name text NO -",
                "boards.created_at timestamp with time zone NO now()",
                "boards.version integer NO 1",
                "work_items.id uuid NO -",
                "work_items.board_id uuid NO -",
                "work_items.title text NO -",
                "work_items.description text YES -",
                "work_items.status text NO 'todo'::text",
                "work_items.version integer NO 1",
                "work_items.created_at timestamp with time zone NO now()",
                "work_items.updated_at timestamp with time zone NO now()",
            ],
            columns);
    }

    [Fact]
    public async Task Up_creates_the_work_items_index_in_column_order()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        DatabaseMigrator.Migrate(database.ConnectionString);

        var definition = await database.ScalarAsync<string>(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'work_items' AND indexdef LIKE '%(board_id, status, created_at)'");
        Assert.Contains("USING btree (board_id, status, created_at)", definition, StringComparison.Ordinal);
    }

    private const string BoardId = "00000000-0000-0000-0000-000000000001";

    [Theory]
    [InlineData("INSERT INTO boards (id, name) VALUES (gen_random_uuid(), '')", PostgresErrorCodes.CheckViolation)]
    [InlineData("INSERT INTO boards (id, name) VALUES (gen_random_uuid(), repeat('n', 101))", PostgresErrorCodes.CheckViolation)]
    [InlineData($"INSERT INTO work_items (id, board_id, title) VALUES (gen_random_uuid(), '{BoardId}', '')", PostgresErrorCodes.CheckViolation)]
    [InlineData($"INSERT INTO work_items (id, board_id, title) VALUES (gen_random_uuid(), '{BoardId}', repeat('t', 201))", PostgresErrorCodes.CheckViolation)]
    [InlineData($"INSERT INTO work_items (id, board_id, title, description) VALUES (gen_random_uuid(), '{BoardId}', 't', repeat('d', 2001))", PostgresErrorCodes.CheckViolation)]
    [InlineData($"INSERT INTO work_items (id, board_id, title, status) VALUES (gen_random_uuid(), '{BoardId}', 't', 'doing')", PostgresErrorCodes.CheckViolation)]
    [InlineData("INSERT INTO work_items (id, board_id, title) VALUES (gen_random_uuid(), gen_random_uuid(), 't')", PostgresErrorCodes.ForeignKeyViolation)]
    [InlineData($"INSERT INTO work_items (id, board_id, title, status) VALUES (gen_random_uuid(), '{BoardId}', 't', NULL)", PostgresErrorCodes.NotNullViolation)]
    public async Task Constraints_reject_rows_outside_the_contract(string insert, string expectedSqlState)
    {
        var database = new Database(await postgres.CreateDatabaseAsync());
        DatabaseMigrator.Migrate(database.ConnectionString);
        await database.ExecuteAsync($"INSERT INTO boards (id, name) VALUES ('{BoardId}', 'Board')");

        var error = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync(insert));

        Assert.Equal(expectedSqlState, error.SqlState);
    }

    [Fact]
    public async Task Rows_inside_the_contract_are_accepted_and_deleting_a_board_deletes_its_items()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());
        DatabaseMigrator.Migrate(database.ConnectionString);

        await database.ExecuteAsync(
            $"""
            INSERT INTO boards (id, name) VALUES ('{BoardId}', repeat('n', 100));
            INSERT INTO work_items (id, board_id, title, description, status) VALUES
                (gen_random_uuid(), '{BoardId}', repeat('t', 200), repeat('d', 2000), 'in-progress'),
                (gen_random_uuid(), '{BoardId}', 't', NULL, 'done');
            """);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM work_items WHERE status = 'in-progress' AND version = 1"));

        await database.ExecuteAsync("DELETE FROM boards");

        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM work_items"));
    }

    [Fact]
    public async Task Running_again_changes_nothing()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());
        DatabaseMigrator.Migrate(database.ConnectionString);
        await database.ExecuteAsync("INSERT INTO boards (id, name) VALUES (gen_random_uuid(), 'Kept')");

        DatabaseMigrator.Migrate(database.ConnectionString);

        Assert.Equal(KnownMigrations.Versions, await database.AppliedVersionsAsync());
        Assert.Equal("Kept", await database.ScalarAsync<string>("SELECT name FROM boards"));
    }
}
