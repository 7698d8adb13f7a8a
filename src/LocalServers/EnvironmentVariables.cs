namespace AppDelivery.Aspire.LocalServers;

/// <summary>Environment variables that point the tests at an existing server instead of starting one.</summary>
public static class EnvironmentVariables
{
    /// <summary>An Npgsql connection string to a PostgreSQL server whose user may create databases.</summary>
    public const string Postgres = "APPDELIVERY_TEST_POSTGRES";

    /// <summary>A StackExchange.Redis connection string (<c>host:port,password=…</c>) to a Valkey or Redis server.</summary>
    public const string Valkey = "APPDELIVERY_TEST_VALKEY";

    internal static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
