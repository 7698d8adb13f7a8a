using AppDelivery.Aspire.LocalServers;
using Npgsql;

namespace AppDelivery.Aspire.LocalServers.Tests;

public sealed class PostgresServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Creates_empty_databases_with_unique_names()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var server = await PostgresServer.StartProcessAsync(timeout.Token);

        var first = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());
        var second = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());

        Assert.NotEqual(first.Database, second.Database);
        Assert.Equal("127.0.0.1", first.Host);
        Assert.False(string.IsNullOrEmpty(first.Password));
        Assert.Equal(0L, await QueryAsync<long>(first.ConnectionString, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", timeout.Token));
    }

    [Fact]
    public async Task StartAsync_uses_the_server_named_by_the_environment_or_starts_one()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var external = EnvironmentVariables.Read(EnvironmentVariables.Postgres);

        await using var server = await PostgresServer.StartAsync(timeout.Token);

        Assert.Equal(external is not null, server.IsExternal);
        Assert.Equal(1, await QueryAsync<int>(server.ConnectionString, "SELECT 1", timeout.Token));
    }

    [Fact]
    public async Task Requires_the_generated_password()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var server = await PostgresServer.StartProcessAsync(timeout.Token);
        var wrongPassword = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Password = "wrong", Pooling = false };

        var error = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync<int>(wrongPassword.ConnectionString, "SELECT 1", timeout.Token));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task Restart_keeps_the_data_and_the_port()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await using var server = await PostgresServer.StartProcessAsync(timeout.Token);
        var database = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync("kept")) { Pooling = false }.ConnectionString;
        await QueryAsync<int>(database, "CREATE TABLE notes (text text); INSERT INTO notes VALUES ('survives'); SELECT 1", timeout.Token);

        await server.StopAsync();
        await Assert.ThrowsAsync<NpgsqlException>(() => QueryAsync<int>(database, "SELECT 1", timeout.Token));

        await server.RestartAsync(timeout.Token);
        Assert.Equal("survives", await QueryAsync<string>(database, "SELECT text FROM notes", timeout.Token));
    }

    [Fact]
    public async Task Starting_deletes_directories_abandoned_by_killed_test_hosts_but_not_running_ones()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var abandoned = CreateOldServerDirectory(postmasterProcessId: null);
        var running = CreateOldServerDirectory(postmasterProcessId: Environment.ProcessId);
        try
        {
            await using var server = await PostgresServer.StartProcessAsync(timeout.Token);

            Assert.False(Directory.Exists(abandoned));
            Assert.True(Directory.Exists(running));
        }
        finally
        {
            Directory.Delete(running, recursive: true);
        }
    }

    private static string CreateOldServerDirectory(int? postmasterProcessId)
    {
        var path = Directory.CreateTempSubdirectory(PostgresDataDirectory.DirectoryPrefix).FullName;
        var data = Directory.CreateDirectory(Path.Combine(path, "data")).FullName;
        if (postmasterProcessId is { } processId)
        {
            File.WriteAllText(Path.Combine(data, "postmaster.pid"), $"{processId}\n");
        }

        Directory.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-2));
        return path;
    }

    private static async Task<T> QueryAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
