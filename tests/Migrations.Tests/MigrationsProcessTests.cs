using AppDelivery.Aspire.LocalServers;
using Npgsql;

namespace AppDelivery.Aspire.Migrations.Tests;

public sealed class MigrationsProcessTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string ConnectionStringVariable = $"ConnectionStrings__{ResourceNames.Database}";

    [Fact]
    public async Task Migrates_and_exits_0_with_the_profile_from_configuration()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        var result = await MigrationsProcess.RunAsync(new Dictionary<string, string>
        {
            [ConnectionStringVariable] = database.ConnectionString,
            [ConfigurationKeys.MigrationsProfileEnvironmentVariable] = MigrationProfiles.Development,
        });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(KnownMigrations.Versions, await database.AppliedVersionsAsync());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM boards"));
    }

    [Fact]
    public async Task Logs_the_migrations_it_applies_but_not_their_sql()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        var result = await MigrationsProcess.RunAsync(new Dictionary<string, string> { [ConnectionStringVariable] = database.ConnectionString });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Applying {KnownMigrations.Versions.Count} migrations: ", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE TABLE", result.StandardOutput, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reads_the_password_from_PGPASSWORD_when_the_connection_string_has_none()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());
        var withoutPassword = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var password = withoutPassword.Password!;
        withoutPassword.Password = null;

        var result = await MigrationsProcess.RunAsync(new Dictionary<string, string>
        {
            [ConnectionStringVariable] = withoutPassword.ConnectionString,
            ["PGPASSWORD"] = password,
        });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(KnownMigrations.Versions, await database.AppliedVersionsAsync());
    }

    [Fact]
    public async Task Exits_non_zero_when_a_migration_fails()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());
        await database.ExecuteAsync("CREATE TABLE boards (id integer PRIMARY KEY)");

        var result = await MigrationsProcess.RunAsync(new Dictionary<string, string>
        {
            [ConnectionStringVariable] = database.ConnectionString,
        });

        Assert.True(result.ExitCode == MigrationExitCodes.Failed, result.ToString());
        Assert.Contains("Database migration failed", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.Empty(await database.ColumnAsync<string>("SELECT table_name::text FROM information_schema.tables WHERE table_name = 'work_items'"));
    }

    [Fact]
    public async Task Exits_2_naming_the_key_when_the_connection_string_is_missing()
    {
        var result = await MigrationsProcess.RunAsync(new Dictionary<string, string>());

        Assert.True(result.ExitCode == MigrationExitCodes.MissingConfiguration, result.ToString());
        Assert.Contains($"ConnectionStrings:{ResourceNames.Database}", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exits_non_zero_when_the_server_cannot_be_reached()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString)
        {
            Port = FreePort.Find(),
            Timeout = 2,
        };

        var result = await MigrationsProcess.RunAsync(new Dictionary<string, string>
        {
            [ConnectionStringVariable] = unreachable.ConnectionString,
        });

        Assert.True(result.ExitCode == MigrationExitCodes.Failed, result.ToString());
    }
}
