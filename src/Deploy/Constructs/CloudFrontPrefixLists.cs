namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>
/// The id of the AWS-managed prefix list <c>com.amazonaws.global.cloudfront.origin-facing</c> in each region.
/// Known at synthesis (a lookup would need AWS credentials, or a Lambda-backed custom resource on every deploy);
/// AWS keeps these ids fixed per region.
/// </summary>
public static class CloudFrontPrefixLists
{
    private static readonly Dictionary<string, string> Ids = new(StringComparer.Ordinal)
    {
        ["ap-northeast-1"] = "pl-58a04531",
        ["ap-northeast-2"] = "pl-22a6434b",
        ["ap-south-1"] = "pl-9aa247f3",
        ["ap-southeast-1"] = "pl-31a34658",
        ["ap-southeast-2"] = "pl-b8a742d1",
        ["ca-central-1"] = "pl-38a64351",
        ["eu-central-1"] = "pl-a3a144ca",
        ["eu-north-1"] = "pl-fab65393",
        ["eu-west-1"] = "pl-4fa04526",
        ["eu-west-2"] = "pl-93a247fa",
        ["eu-west-3"] = "pl-75b1541c",
        ["sa-east-1"] = "pl-5da64334",
        ["us-east-1"] = "pl-3b927c52",
        ["us-east-2"] = "pl-b6a144df",
        ["us-west-1"] = "pl-4ea04527",
        ["us-west-2"] = "pl-82a045eb",
    };

    public static IEnumerable<string> Regions => Ids.Keys.Order(StringComparer.Ordinal);

    public static string? IdIn(string region) => Ids.GetValueOrDefault(region);
}
