using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.Triggers;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record MigrationGateProps
{
    public required ICluster Cluster { get; init; }

    public required WorkloadTask Task { get; init; }

    public required ISecurityGroup SecurityGroup { get; init; }

    /// <summary>In the handler's environment so that a new image makes a new handler version, which re-runs the trigger.</summary>
    public required string ImageTag { get; init; }

    public required RetentionDays LogRetention { get; init; }

    public required bool Production { get; init; }
}

/// <summary>
/// Runs a job (e.g. migrations) once per deployment, as a one-off Fargate task, and fails the deployment
/// (so CloudFormation rolls back) unless it exits 0. A CDK Trigger invokes an inline Lambda handler that
/// calls RunTask and polls DescribeTasks until the task stops. While the stack rolls back the handler
/// does nothing and succeeds, so a rollback neither re-runs the previous image's job nor fails. Order the rest with
/// <see cref="ExecuteAfter"/> (the database) and <see cref="ExecuteBefore"/> (the services).
/// </summary>
/// <remarks>
/// A Lambda invocation lasts at most 15 minutes. A job that may run longer needs a custom resource
/// Provider with an <c>isComplete</c> handler (waits up to 2 hours) instead of a Trigger.
/// </remarks>
public sealed class MigrationGate : Construct
{
    public static readonly Duration Timeout = Duration.Minutes(15);

    public MigrationGate(Construct scope, string id, MigrationGateProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var taskDefinition = props.Task.TaskDefinition;

        var logGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = props.LogRetention,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Runs the {props.Task.Container.ContainerName} task once per deployment",
        });
        logGroup.GrantWrite(role);
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "RunJobTask",
            Actions = new[] { "ecs:RunTask" },
            Resources = new[] { taskDefinition.TaskDefinitionArn },
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["ecs:cluster"] = props.Cluster.ClusterArn },
            },
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WatchJobTask",
            Actions = new[] { "ecs:DescribeTasks", "ecs:StopTask" },
            // Task IDs exist only at run time; pseudo parameters keep the ARN the same for every account.
            Resources = new[] { $"arn:{Aws.PARTITION}:ecs:{Aws.REGION}:{Aws.ACCOUNT_ID}:task/{props.Cluster.ClusterName}/*" },
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadOwnStackStatus",
            Actions = new[] { "cloudformation:DescribeStacks" },
            Resources = new[] { Aws.STACK_ID },
        }));
        taskDefinition.TaskRole.GrantPassRole(role);
        taskDefinition.ObtainExecutionRole().GrantPassRole(role);

        var subnets = props.Cluster.Vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS });
        Handler = new Function(this, "Handler", new FunctionProps
        {
            Runtime = Runtime.NODEJS_24_X,
            Handler = "index.handler",
            Code = Code.FromInline(HandlerCode()),
            Timeout = Timeout,
            MemorySize = 256,
            Role = role,
            LogGroup = logGroup,
            Description = $"Runs {props.Task.Container.ContainerName} and waits for exit code 0",
            Environment = new Dictionary<string, string>
            {
                ["CLUSTER"] = props.Cluster.ClusterArn,
                ["TASK_DEFINITION"] = taskDefinition.TaskDefinitionArn,
                ["CONTAINER"] = props.Task.Container.ContainerName,
                ["SUBNETS"] = Fn.Join(",", subnets.SubnetIds),
                ["SECURITY_GROUPS"] = props.SecurityGroup.SecurityGroupId,
                ["IMAGE_TAG"] = props.ImageTag,
                ["STACK"] = Aws.STACK_ID,
            },
        });
        Handler.Node.AddDependency(role);

        Trigger = new Trigger(this, "Trigger", new TriggerProps
        {
            Handler = Handler,
            Timeout = Timeout,
            InvocationType = InvocationType.REQUEST_RESPONSE,
            ExecuteOnHandlerChange = true,
        });
    }

    public Function Handler { get; }

    public Trigger Trigger { get; }

    public void ExecuteAfter(params Construct[] scopes) => Trigger.ExecuteAfter(scopes);

    public void ExecuteBefore(params Construct[] scopes) => Trigger.ExecuteBefore(scopes);

    /// <summary><c>MigrationGate/handler.js</c>, inline (no bundling at synthesis); the Node.js runtime ships the AWS SDK v3.</summary>
    private static string HandlerCode()
    {
        using var stream = typeof(MigrationGate).Assembly.GetManifestResourceStream("MigrationGateHandler.js")
            ?? throw new InvalidOperationException("MigrationGateHandler.js is not embedded in the Deploy assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
