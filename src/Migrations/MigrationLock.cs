using Microsoft.Extensions.Logging;
using Npgsql;

namespace AppDelivery.Aspire.Migrations;

/// <summary>
/// A session-level PostgreSQL advisory lock held on its own connection, so copies of the migrator started at once
/// run one after the other.
/// </summary>
internal sealed class MigrationLock : IDisposable
{
    /// <summary>Any fixed number works; every copy must use the same one ("AppDeliv" in ASCII).</summary>
    private const long LockKey = 0x41707044656C6976;

    private const int WaitSeconds = 600;

    private readonly NpgsqlConnection _connection;

    private MigrationLock(NpgsqlConnection connection) => _connection = connection;

    public static MigrationLock Acquire(string connectionString, ILogger logger)
    {
        // Unpooled, so closing the connection always ends the session and with it the lock.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            logger.LogInformation("Waiting for the migration lock");
            using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { CommandTimeout = WaitSeconds };
            command.Parameters.AddWithValue("key", LockKey);
            command.ExecuteNonQuery();
            logger.LogInformation("Holding the migration lock");
            return new MigrationLock(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();
}
