using System.Security.Cryptography;

namespace AppDelivery.Aspire.LocalStack;

/// <summary>The environment each service gets: what the AppHost's references inject, with local values.</summary>
internal sealed class LocalEnvironment(string databaseConnectionString, string cacheConnectionString)
{
    private readonly string apiKey = RandomNumberGenerator.GetHexString(32, lowercase: true);

    public Dictionary<string, string> ForMigrations() => new()
    {
        [$"ConnectionStrings__{ResourceNames.Database}"] = databaseConnectionString,
        [ConfigurationKeys.MigrationsProfileEnvironmentVariable] = "Development",
    };

    public Dictionary<string, string> ForApi() => new()
    {
        [$"ConnectionStrings__{ResourceNames.Database}"] = databaseConnectionString,
        [$"ConnectionStrings__{ResourceNames.Cache}"] = cacheConnectionString,
        [ConfigurationKeys.ApiKeyEnvironmentVariable] = apiKey,
    };

    public Dictionary<string, string> ForWeb(Uri apiUrl) => new()
    {
        [$"services__{ResourceNames.Api}__http__0"] = apiUrl.ToString(),
        [$"ConnectionStrings__{ResourceNames.Cache}"] = cacheConnectionString,
        [ConfigurationKeys.ApiKeyEnvironmentVariable] = apiKey,
    };
}
