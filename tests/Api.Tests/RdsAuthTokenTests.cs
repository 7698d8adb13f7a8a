using System.Web;
using AppDelivery.Aspire.ServiceDefaults;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>The RDS IAM auth token (ServiceDefaults) against published and SDK-generated vectors.</summary>
public sealed class RdsAuthTokenTests
{
    [Fact]
    public void Matches_the_botocore_test_vector()
    {
        // botocore tests/unit/test_signers.py, test_generate_db_auth_token.
        var token = RdsAuthToken.Sign(
            "prod-instance.us-east-1.rds.amazonaws.com", 3306, "someusername", "us-east-1", "akid", "skid", sessionToken: null,
            new DateTime(2016, 11, 7, 17, 39, 33, DateTimeKind.Utc));

        Assert.Equal(
            "prod-instance.us-east-1.rds.amazonaws.com:3306/?Action=connect&DBUser=someusername&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=akid%2F20161107%2Fus-east-1%2Frds-db%2Faws4_request&X-Amz-Date=20161107T173933Z&X-Amz-Expires=900"
            + "&X-Amz-SignedHeaders=host&X-Amz-Signature=d1138cdbc0ca63eec012ec0fc6c2267e03642168f5884a7795320d4c18374c61",
            token);
    }

    [Fact]
    public void Signs_the_session_token_of_temporary_credentials_as_the_javascript_sdk_does()
    {
        // @aws-sdk/rds-signer 3.x Signer.getAuthToken() with these inputs (it orders X-Amz-Signature among the others).
        var token = RdsAuthToken.Sign(
            "shop-dev.cluster-abc123.eu-west-1.rds.amazonaws.com", 5433, "api", "eu-west-1",
            "ASIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2VjEXAMPLE/+token==",
            new DateTime(2026, 11, 28, 9, 15, 0, DateTimeKind.Utc));

        var query = HttpUtility.ParseQueryString(token[(token.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        Assert.StartsWith("shop-dev.cluster-abc123.eu-west-1.rds.amazonaws.com:5433/?Action=connect&DBUser=api&", token, StringComparison.Ordinal);
        Assert.Contains("&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE%2F%2Btoken%3D%3D&", token, StringComparison.Ordinal);
        Assert.Equal("IQoJb3JpZ2luX2VjEXAMPLE/+token==", query["X-Amz-Security-Token"]);
        Assert.Equal("ASIAEXAMPLE/20261128/eu-west-1/rds-db/aws4_request", query["X-Amz-Credential"]);
        Assert.Equal("daf285b17b412a78a94d27bd3ac34f048eb489337e9c72f51c7ec94f12bc943a", query["X-Amz-Signature"]);
    }

    [Fact]
    public void A_different_user_gets_a_different_signature()
    {
        var at = new DateTime(2026, 11, 28, 9, 15, 0, DateTimeKind.Utc);
        var api = RdsAuthToken.Sign("h", 5433, "api", "eu-west-1", "akid", "skid", null, at);
        var migrations = RdsAuthToken.Sign("h", 5433, "migrations", "eu-west-1", "akid", "skid", null, at);

        Assert.NotEqual(api[api.IndexOf("X-Amz-Signature", StringComparison.Ordinal)..], migrations[migrations.IndexOf("X-Amz-Signature", StringComparison.Ordinal)..]);
    }
}
