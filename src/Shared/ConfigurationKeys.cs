namespace AppDelivery.Aspire;

/// <summary>Configuration keys the AppHost sets and the services read.</summary>
public static class ConfigurationKeys
{
    /// <summary>The key Api requires in the <c>X-Api-Key</c> header of writes; unset means writes are open.</summary>
    public const string ApiKey = "Auth:ApiKey";

    /// <summary>Header carrying the API key from Web to Api.</summary>
    public const string ApiKeyHeader = "X-Api-Key";
}
