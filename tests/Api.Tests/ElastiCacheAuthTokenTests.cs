using System.Web;
using AppDelivery.Aspire.ServiceDefaults;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>The ElastiCache IAM auth token (ServiceDefaults) against botocore's SigV4 query signer.</summary>
public sealed class ElastiCacheAuthTokenTests
{
    private static readonly DateTime At = new(2026, 11, 28, 9, 15, 0, DateTimeKind.Utc);

    [Fact]
    public void Is_a_presigned_connect_request_to_the_serverless_cache_as_botocore_signs_it()
    {
        // botocore 1.43 SigV4QueryAuth('elasticache', expires=900) of GET http://shop-dev/?Action=connect&User=shop-dev-api&ResourceType=ServerlessCache.
        var token = ElastiCacheAuthToken.Sign(
            "shop-dev", "shop-dev-api", "eu-west-1", "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: null, At);

        Assert.StartsWith("shop-dev/?", token, StringComparison.Ordinal);
        var query = Query(token);
        Assert.Equal("connect", query["Action"]);
        Assert.Equal("shop-dev-api", query["User"]);
        Assert.Equal("ServerlessCache", query["ResourceType"]);
        Assert.Equal("AWS4-HMAC-SHA256", query["X-Amz-Algorithm"]);
        Assert.Equal("AKIDEXAMPLE/20261128/eu-west-1/elasticache/aws4_request", query["X-Amz-Credential"]);
        Assert.Equal("20261128T091500Z", query["X-Amz-Date"]);
        Assert.Equal("900", query["X-Amz-Expires"]);
        Assert.Equal("host", query["X-Amz-SignedHeaders"]);
        Assert.Null(query["X-Amz-Security-Token"]);
        Assert.Equal("6a1ffefc0427c5701e7a932e76a7d390bc4c50163dd92ed731158694f6a9b7d5", query["X-Amz-Signature"]);
    }

    [Fact]
    public void Signs_the_session_token_of_temporary_credentials()
    {
        var token = ElastiCacheAuthToken.Sign(
            "shop-dev-sessions", "shop-dev-web", "us-east-1",
            "ASIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2VjEXAMPLE/+token==", At);

        Assert.StartsWith("shop-dev-sessions/?", token, StringComparison.Ordinal);
        Assert.Contains("&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE%2F%2Btoken%3D%3D&", token, StringComparison.Ordinal);
        Assert.Equal("5c1b21e4ac15167d6d07444ac20371066532976e017acea37c75379dd3f91cfc", Query(token)["X-Amz-Signature"]);
    }

    private static System.Collections.Specialized.NameValueCollection Query(string token) =>
        HttpUtility.ParseQueryString(token[(token.IndexOf('?', StringComparison.Ordinal) + 1)..]);
}
