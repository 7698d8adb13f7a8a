namespace AppDelivery.Aspire;

/// <summary>Configuration keys the AppHost sets and the services read.</summary>
public static class ConfigurationKeys
{
    /// <summary>The key Api requires in the <c>X-Api-Key</c> header of writes; unset means writes are open.</summary>
    public const string ApiKey = "Auth:ApiKey";

    /// <summary><see cref="ApiKey"/> as an environment variable name.</summary>
    public const string ApiKeyEnvironmentVariable = "Auth__ApiKey";

    /// <summary>FluentMigrator profile the Migrations runner applies, e.g. <c>Development</c> for seed data.</summary>
    public const string MigrationsProfile = "Migrations:Profile";

    /// <summary><see cref="MigrationsProfile"/> as an environment variable name.</summary>
    public const string MigrationsProfileEnvironmentVariable = "Migrations__Profile";

    /// <summary>
    /// Most PostgreSQL connections one Api process opens (Npgsql's <c>Maximum Pool Size</c>; unset keeps the
    /// connection string's, default 100). Size it so that tasks × pool ≤ the server's connection budget.
    /// </summary>
    public const string DatabaseMaxPoolSize = "Database:MaxPoolSize";

//#if (aws)
    /// <summary>
    /// <c>true</c> where the deployment signs in to PostgreSQL with IAM: the connection string names the workload's
    /// own role and no password, and the app uses a 15-minute RDS auth token of its AWS credentials as the password.
    /// Unset (locally and in tests) the connection string's password is used as it is.
    /// </summary>
    public const string DatabaseIamAuthentication = "Database:IamAuthentication";

    /// <summary><see cref="DatabaseIamAuthentication"/> as an environment variable name.</summary>
    public const string DatabaseIamAuthenticationEnvironmentVariable = "Database__IamAuthentication";

    /// <summary>
    /// <c>true</c> where the deployment signs in to ElastiCache with IAM: the connection string names the workload's
    /// ElastiCache user and no password, and the app uses a 15-minute ElastiCache auth token of its AWS credentials as
    /// the password, signed for the cache named by <see cref="ServerlessCacheName"/>. Unset (locally and in tests) the
    /// connection string is used as it is.
    /// </summary>
    public const string CacheIamAuthentication = "Cache:IamAuthentication";

    /// <summary><see cref="CacheIamAuthentication"/> as an environment variable name.</summary>
    public const string CacheIamAuthenticationEnvironmentVariable = "Cache__IamAuthentication";

    /// <summary>The ElastiCache serverless cache name behind the connection <paramref name="connectionName"/> (an IAM token names it).</summary>
    public static string ServerlessCacheName(string connectionName) => $"Cache:ServerlessCacheNames:{connectionName}";

    /// <summary><see cref="ServerlessCacheName"/> as an environment variable name.</summary>
    public static string ServerlessCacheNameEnvironmentVariable(string connectionName) => $"Cache__ServerlessCacheNames__{connectionName}";
//#endif

    /// <summary>
    /// Set to <c>true</c> in the published manifest on a workload that another waits for to complete
    /// (<c>WaitForCompletion</c>): the deployment runs it once, before the services roll, instead of as a service.
    /// The manifest has no other trace of WaitForCompletion.
    /// </summary>
    public const string RunOnceEnvironmentVariable = "DEPLOYMENT_RUN_ONCE";

    /// <summary>Header carrying the API key from Web to Api.</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}
