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
}
