namespace AppDelivery.Aspire.Api.Infrastructure;

internal static class ConfigurationExtensions
{
    /// <summary>Reads <c>ConnectionStrings:{name}</c>, failing at startup with the missing key named.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name)
    {
        var value = configuration.GetConnectionString(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"Missing required configuration value 'ConnectionStrings:{name}'.")
            : value;
    }
}
