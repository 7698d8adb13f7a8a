using AppDelivery.Aspire.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AppDelivery.Aspire.Web.Tests.Hosting;

/// <summary>
/// <c>Cache:IamAuthentication</c> (set by the deployment) makes the Web's key ring connection sign in with an
/// ElastiCache IAM token of its AWS credentials, for its own user and cache; unset, the connection string is used as it is.
/// </summary>
public sealed class CacheIamAuthenticationTests : IDisposable
{
    private const string ConnectionString = "127.0.0.1:1,user=shop-dev-web,abortConnect=false";

    private readonly FakeAwsCredentials credentials = new();

    public void Dispose() => credentials.Dispose();

    [Fact]
    public void With_iam_the_key_ring_connection_presents_a_token_for_its_user_and_cache()
    {
        using var web = new FakeApiWebFactory(
            ConnectionString,
            new Dictionary<string, string>
            {
                [ConfigurationKeys.CacheIamAuthentication] = "true",
                [ConfigurationKeys.ServerlessCacheName(ResourceNames.Cache)] = "shop-dev",
            },
            environment: "Production");

        var password = web.Services.GetRequiredService<IOptions<ConfigurationOptions>>().Value.Password;

        Assert.StartsWith("shop-dev/?Action=connect&ResourceType=ServerlessCache&User=shop-dev-web&X-Amz-Algorithm=", password, StringComparison.Ordinal);
        Assert.Contains("&X-Amz-Credential=AKIDEXAMPLE%2F", password, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_iam_the_connection_string_is_used_as_it_is()
    {
        using var web = new FakeApiWebFactory(ConnectionString, environment: "Production");

        Assert.Null(web.Services.GetRequiredService<IOptions<ConfigurationOptions>>().Value.Password);
    }
}
