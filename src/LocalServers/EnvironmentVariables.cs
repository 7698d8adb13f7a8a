namespace AppDelivery.Aspire.LocalServers;

/// <summary>Environment variables that point the tests at an existing server instead of starting one.</summary>
public static class EnvironmentVariables
{
    /// <summary>An Npgsql connection string to a PostgreSQL server whose user may create databases.</summary>
    public const string Postgres = "TEST_POSTGRES_CONNECTION_STRING";
//#if (valkey)

    /// <summary>A StackExchange.Redis connection string (<c>host:port,password=…</c>) to a Valkey or Redis server.</summary>
    public const string Valkey = "TEST_VALKEY_CONNECTION_STRING";
//#endif

    internal static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
