namespace AppDelivery.Aspire.Deploy.Tests.Stacks;

/// <summary>
/// The only actions allowed on resource <c>*</c>: each is an AWS API without resource-level permissions.
/// A new entry needs the AWS reason written next to it.
/// </summary>
internal static class IamAllowList
{
    public static readonly IReadOnlyDictionary<string, string> WildcardResourceActions = new Dictionary<string, string>
    {
        ["xray:PutTraceSegments"] = "X-Ray trace ingestion has no resource-level permissions (ADOT sidecar).",
        ["xray:PutTelemetryRecords"] = "X-Ray telemetry ingestion has no resource-level permissions (ADOT sidecar).",
        ["ecr:GetAuthorizationToken"] = "ECR registry login is account-wide (image pull by ECS, image push by the GitHub deploy role).",
    };

    /// <summary>
    /// Statements (by Sid) allowed to grant every action: a CloudFormation execution role creates whatever its stack
    /// holds, and a permissions boundary grants nothing by itself. Both are scoped by denies the tests assert.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> EveryActionStatements = new Dictionary<string, string>
    {
        ["CreatePreviewStacks"] = "The preview CloudFormation execution role (GitHubPreviewRole), scoped by its denies.",
        ["WithinIdentityPolicies"] = "The preview permissions boundary: grants nothing beyond the identity policies.",
    };
}
