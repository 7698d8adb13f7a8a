using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="Gates">Every migration gate of the stack: they share CDK's one trigger provider.</param>
public sealed record TriggerProviderPolicyProps(IReadOnlyList<MigrationGate> Gates, RetentionDays LogRetention, bool Production);

/// <summary>
/// Narrows the role of CDK's Trigger provider function (created by CDK, one per stack): the AWS managed
/// <c>AWSLambdaBasicExecutionRole</c> (logs:* on every log group) becomes write access to the provider's
/// own log group, and <c>lambda:InvokeFunction</c> on <c>handler:*</c> becomes the exact handler versions.
/// </summary>
/// <remarks>Relies on the construct IDs CDK gives the provider; a test fails if CDK renames them.</remarks>
public sealed class TriggerProviderPolicy : Construct
{
    public const string ProviderId = "AWSCDK.TriggerCustomResourceProviderCustomResourceProvider";

    public TriggerProviderPolicy(Construct scope, string id, TriggerProviderPolicyProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (props.Gates.Count == 0)
        {
            return;
        }

        var stack = Stack.Of(this);
        var provider = stack.Node.TryFindChild(ProviderId)
            ?? throw new InvalidOperationException($"CDK's trigger provider '{ProviderId}' was not found in {stack.StackName}.");
        var role = (CfnResource)provider.Node.FindChild("Role");
        var handler = (CfnResource)provider.Node.FindChild("Handler");

        var logGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = props.LogRetention,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        handler.AddPropertyOverride("LoggingConfig", new Dictionary<string, object> { ["LogGroup"] = logGroup.LogGroupName });
        role.AddPropertyDeletionOverride("ManagedPolicyArns");
        role.AddPropertyOverride("Policies", new object[]
        {
            new Dictionary<string, object>
            {
                ["PolicyName"] = "Inline",
                ["PolicyDocument"] = new Dictionary<string, object>
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new object[]
                    {
                        new Dictionary<string, object>
                        {
                            ["Effect"] = "Allow",
                            ["Action"] = new[] { "lambda:InvokeFunction" },
                            ["Resource"] = props.Gates.Select(g => g.Handler.CurrentVersion.FunctionArn).ToArray(),
                        },
                        new Dictionary<string, object>
                        {
                            ["Effect"] = "Allow",
                            ["Action"] = new[] { "logs:CreateLogStream", "logs:PutLogEvents" },
                            ["Resource"] = logGroup.LogGroupArn,
                        },
                    },
                },
            },
        });
        handler.Node.AddDependency(logGroup);
    }
}
