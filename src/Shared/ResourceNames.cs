namespace AppDelivery.Aspire;

/// <summary>
/// Names of the application's resources, shared by the AppHost, the services, the tests and the
/// deployment generator. A resource name is also the connection name a service reads
/// (<c>ConnectionStrings:{name}</c>) and the host name service discovery resolves.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Database = "appdb";
    public const string Cache = "cache";
    public const string Migrations = "migrations";
    public const string Api = "api";
    public const string Web = "web";

    /// <summary>Secret shared by Web and Api: Api requires it on every write.</summary>
    public const string ApiKey = "api-key";
}
