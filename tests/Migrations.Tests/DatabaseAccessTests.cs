using System.Diagnostics;
using System.Text.Json;
using AppDelivery.Aspire.Tests;
using Npgsql;

namespace AppDelivery.Aspire.Migrations.Tests;

/// <summary>
/// The SQL the deployment's database access gate runs on Aurora (src/Deploy/Constructs/MigrationGate/handler.js),
/// run here on PostgreSQL as a master like Aurora's: not a superuser, but CREATEROLE and CREATEDB and allowed to grant
/// <c>rds_iam</c>. Then the real migrations run as the migrations role, and the Api's role is checked for rows only.
/// </summary>
public sealed class DatabaseAccessTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Password = "test-only-password";

    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];

    private string Owner => $"migrations_{suffix}";

    private string User => $"api_{suffix}";

    private string Reporter => $"web_{suffix}";

    private string AppDatabase => $"appdb_{suffix}";

    private string Reports => $"reports_{suffix}";

    private string Master => $"master_{suffix}";

    [Fact]
    public async Task Migrations_own_the_schema_the_api_gets_rows_only_and_each_role_only_its_databases()
    {
        await ApplyGateStatementsTwiceAsync();

        DatabaseMigrator.Migrate(As(Owner, AppDatabase));
        var api = new Database(As(User, AppDatabase));
        await api.ExecuteAsync("INSERT INTO boards (id, name) VALUES (gen_random_uuid(), 'b')");
        Assert.Equal(1L, await api.ScalarAsync<long>("SELECT count(*) FROM boards"));
        await api.ExecuteAsync("UPDATE boards SET name = 'c'");
        await api.ExecuteAsync("DELETE FROM boards");

        await AssertDeniedAsync(() => api.ExecuteAsync("CREATE TABLE extra (id int)"));
        await AssertDeniedAsync(() => api.ExecuteAsync("DROP TABLE boards"));
        await AssertDeniedAsync(() => api.ExecuteAsync("ALTER TABLE boards ADD COLUMN x int"));
        await AssertDeniedAsync(() => api.ExecuteAsync("TRUNCATE boards"));

        // A table the migrations create later is the Api's to read and write too (default privileges).
        await new Database(As(Owner, AppDatabase)).ExecuteAsync("CREATE TABLE later (id serial PRIMARY KEY, note text)");
        await api.ExecuteAsync("INSERT INTO later (note) VALUES ('x')");

        // CONNECT only where granted: the Api has no business in reports, the reporter none in appdb.
        await AssertDeniedAsync(() => new Database(As(User, Reports)).ExecuteAsync("SELECT 1"));
        await AssertDeniedAsync(() => new Database(As(Reporter, AppDatabase)).ExecuteAsync("SELECT 1"));
        await new Database(As(Reporter, Reports)).ExecuteAsync("SELECT 1");
    }

    private async Task ApplyGateStatementsTwiceAsync()
    {
        var admin = new Database(postgres.Server.ConnectionString);
        await admin.ExecuteAsync("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') THEN CREATE ROLE rds_iam NOLOGIN; END IF; END $$");
        await admin.ExecuteAsync($"CREATE ROLE {Master} LOGIN CREATEROLE CREATEDB PASSWORD '{Password}'");
        await admin.ExecuteAsync($"GRANT rds_iam TO {Master} WITH ADMIN OPTION");

        var plan = new
        {
            roles = new[] { User, Owner, Reporter },
            databases = new[]
            {
                new { name = AppDatabase, owners = new[] { Owner }, users = new[] { User } },
                new { name = Reports, owners = new[] { Owner }, users = new[] { Reporter } },
            },
        };
        var statements = GateStatements(JsonSerializer.Serialize(plan));
        for (var run = 0; run < 2; run++)
        {
            foreach (var statement in statements)
            {
                var database = new Database(As(Master, statement.GetProperty("database").GetString()!));
                if (statement.TryGetProperty("createDatabase", out var name))
                {
                    var exists = await database.ScalarAsync<long>($"SELECT count(*) FROM pg_database WHERE datname = '{name.GetString()}'");
                    if (exists == 0)
                    {
                        await database.ExecuteAsync($"CREATE DATABASE \"{name.GetString()}\"");
                    }
                }
                else
                {
                    await database.ExecuteAsync(statement.GetProperty("sql").GetString()!);
                }
            }
        }

        // Only here: locally the roles sign in with a password, in AWS with IAM tokens (rds_iam).
        foreach (var role in new[] { Owner, User, Reporter })
        {
            await admin.ExecuteAsync($"ALTER ROLE {role} PASSWORD '{Password}'");
        }
    }

    private string As(string role, string database) =>
        new NpgsqlConnectionStringBuilder(postgres.Server.ConnectionString) { Username = role, Password = Password, Database = database }.ConnectionString;

    private static async Task AssertDeniedAsync(Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(action);
        Assert.Contains(error.SqlState, new[] { PostgresErrorCodes.InsufficientPrivilege, "42501" });
    }

    private static List<JsonElement> GateStatements(string plan)
    {
        var handler = Path.Combine(RepositoryRoot.Path, "src", "Deploy", "Constructs", "MigrationGate", "handler.js");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-e", "console.log(JSON.stringify(require(process.argv[1]).statements(JSON.parse(process.argv[2]))))", handler, plan })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"node exited {process.ExitCode}: {errors}");
        return JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
    }
}
