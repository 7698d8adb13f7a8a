namespace AppDelivery.Aspire.AppHost;

/// <summary>
/// The server majors the cloud runs, so that local and cloud behave alike. Executable servers are checked
/// against them too.
/// </summary>
internal static class LocalImages
{
    /// <summary>Aurora PostgreSQL 17. Aspire 13's default image is 18, which Aurora does not offer.</summary>
    public const string PostgresTag = "17.6";
//#if (valkey)

    /// <summary>ElastiCache Serverless for Valkey 8. Aspire 13.6's default image is 9.1.</summary>
    public const string ValkeyTag = "8.1";
//#endif
}
