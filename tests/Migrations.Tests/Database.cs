using Npgsql;

namespace AppDelivery.Aspire.Migrations.Tests;

/// <summary>Small query helpers over a test database (unpooled, so nothing outlives a test).</summary>
internal sealed class Database(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task<List<T>> ColumnAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The versions FluentMigrator recorded, in order.</summary>
    public Task<List<long>> AppliedVersionsAsync() =>
        ColumnAsync<long>("""SELECT "Version" FROM "VersionInfo" ORDER BY "Version" """);

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
