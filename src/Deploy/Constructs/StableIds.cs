using Amazon.CDK;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>
/// Pins the logical ID of a stateful resource so that refactoring the construct tree can never make
/// CloudFormation replace (and so delete) a database, a secret, a cache or a repository.
/// </summary>
public static class StableIds
{
    public static void Pin(IConstruct construct, string logicalId)
    {
        ArgumentNullException.ThrowIfNull(construct);
        var resource = construct as CfnElement ?? construct.Node.DefaultChild as CfnElement
            ?? throw new InvalidOperationException($"{construct.Node.Path} has no CloudFormation resource to pin.");
        resource.OverrideLogicalId(logicalId);
    }
}
