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
/// calls RunTask and polls DescribeTasks until the task stops. Order the rest with
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
        taskDefinition.TaskRole.GrantPassRole(role);
        taskDefinition.ObtainExecutionRole().GrantPassRole(role);

        var subnets = props.Cluster.Vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS });
        Handler = new Function(this, "Handler", new FunctionProps
        {
            Runtime = Runtime.NODEJS_24_X,
            Handler = "index.handler",
            Code = Code.FromInline(HandlerCode),
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

    // Inline (no bundling at synthesis); the Node.js runtime ships the AWS SDK v3.
    private const string HandlerCode = """
        const { ECSClient, RunTaskCommand, DescribeTasksCommand, StopTaskCommand } = require('@aws-sdk/client-ecs');
        const ecs = new ECSClient({});
        const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
        exports.handler = async (_event, context) => {
          const env = process.env;
          const run = await ecs.send(new RunTaskCommand({
            cluster: env.CLUSTER,
            taskDefinition: env.TASK_DEFINITION,
            launchType: 'FARGATE',
            count: 1,
            startedBy: 'migration-gate',
            networkConfiguration: { awsvpcConfiguration: {
              subnets: env.SUBNETS.split(','), securityGroups: env.SECURITY_GROUPS.split(','), assignPublicIp: 'DISABLED' } },
          }));
          if ((run.failures || []).length > 0 || !run.tasks || run.tasks.length !== 1) {
            throw new Error('RunTask failed: ' + JSON.stringify(run.failures));
          }
          const taskArn = run.tasks[0].taskArn;
          console.log(`Started ${taskArn} (image ${env.IMAGE_TAG})`);
          for (;;) {
            if (context.getRemainingTimeInMillis() < 30000) {
              await ecs.send(new StopTaskCommand({ cluster: env.CLUSTER, task: taskArn, reason: 'Migration gate timed out' }));
              throw new Error(`${env.CONTAINER} did not finish in time; stopped ${taskArn}`);
            }
            await sleep(10000);
            const described = await ecs.send(new DescribeTasksCommand({ cluster: env.CLUSTER, tasks: [taskArn] }));
            if ((described.failures || []).length > 0) {
              throw new Error('DescribeTasks failed: ' + JSON.stringify(described.failures));
            }
            const task = described.tasks[0];
            if (task.lastStatus !== 'STOPPED') continue;
            const container = (task.containers || []).find((c) => c.name === env.CONTAINER);
            const exitCode = container ? container.exitCode : undefined;
            console.log(`${taskArn} stopped: exitCode=${exitCode} stoppedReason=${task.stoppedReason}`);
            if (exitCode !== 0) {
              throw new Error(`${env.CONTAINER} failed: exitCode=${exitCode}, stoppedReason=${task.stoppedReason}, reason=${container && container.reason}`);
            }
            return { taskArn, exitCode };
          }
        };
        """;
}
