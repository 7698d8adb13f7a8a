using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.Triggers;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>The databases and roles the gate puts in place on one Aurora cluster (see <c>statements</c> in handler.js).</summary>
/// <param name="Roles">The database role of every workload that uses the cluster.</param>
public sealed record DatabaseAccessPlan(AuroraDatabase Server, IReadOnlyList<string> Roles, IReadOnlyList<DatabaseGrant> Databases);

/// <param name="Owners">Roles that own the schema (DDL): the jobs that migrate it.</param>
/// <param name="Users">Roles that read and write rows only (DML): the services.</param>
public sealed record DatabaseGrant(string Name, IReadOnlyList<string> Owners, IReadOnlyList<string> Users);

public sealed record MigrationGateProps
{
    public required ICluster Cluster { get; init; }

    /// <summary>The job to run; null for the gate that only puts <see cref="Databases"/> in place.</summary>
    public required WorkloadTask? Task { get; init; }

    public IReadOnlyList<DatabaseAccessPlan> Databases { get; init; } = [];

    /// <summary>Operator-set secrets, by parameter name, that must hold a value (not the placeholder) before anything runs.</summary>
    public IReadOnlyDictionary<string, ISecret> RequiredSecrets { get; init; } = new Dictionary<string, ISecret>();

    /// <summary>The job task's; null without a <see cref="Task"/>.</summary>
    public required ISecurityGroup? SecurityGroup { get; init; }

    /// <summary>In the handler's environment so that a new image makes a new handler version, which re-runs the trigger.</summary>
    public required string ImageTag { get; init; }

    public required RetentionDays LogRetention { get; init; }

    public required bool Production { get; init; }
}

/// <summary>
/// Runs a job (e.g. migrations) once per deployment, as a one-off Fargate task, and fails the deployment
/// (so CloudFormation rolls back) unless it exits 0. A CDK Trigger invokes an inline Lambda handler that
/// calls RunTask and polls DescribeTasks until the task stops. The same handler, given <see cref="MigrationGateProps.Databases"/>,
/// creates databases and workload roles through the RDS Data API as the master user, whose password only RDS
/// and this gate ever read. Given <see cref="MigrationGateProps.RequiredSecrets"/>, it first fails unless each holds a value
/// (the message names the secret and its set command, never a value). While the stack rolls back the handler
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

    /// <summary>Where the handler puts a secret's name and ARN in <c>SET_SECRET_COMMAND</c>.</summary>
    private const string SecretNameSlot = "{name}";
    private const string SecretIdSlot = "{arn}";

    public MigrationGate(Construct scope, string id, MigrationGateProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var what = props.Task?.Container.ContainerName ?? (props.Databases.Count > 0 ? "database access" : "operator-set secrets");

        var logGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = props.LogRetention,
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Gate of {what}, once per deployment",
        });
        logGroup.GrantWrite(role);
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadOwnStackStatus",
            Actions = new[] { "cloudformation:DescribeStacks" },
            Resources = new[] { Aws.STACK_ID },
        }));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["STACK"] = Aws.STACK_ID };
        if (props.Task is { } task)
        {
            AllowRunning(role, props.Cluster, task);
            var subnets = props.Cluster.Vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS });
            environment["CLUSTER"] = props.Cluster.ClusterArn;
            environment["TASK_DEFINITION"] = task.TaskDefinition.TaskDefinitionArn;
            environment["CONTAINER"] = task.Container.ContainerName;
            environment["SUBNETS"] = Fn.Join(",", subnets.SubnetIds);
            environment["SECURITY_GROUPS"] = (props.SecurityGroup
                ?? throw new ArgumentException("A job's gate needs the job's security group.", nameof(props))).SecurityGroupId;
            environment["IMAGE_TAG"] = props.ImageTag;
        }

        if (props.RequiredSecrets.Count > 0)
        {
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ReadRequiredSecrets",
                Actions = new[] { "secretsmanager:GetSecretValue" },
                Resources = props.RequiredSecrets.Values.Select(s => s.SecretArn).ToArray(),
            }));
            environment["SECRETS"] = Stack.Of(this).ToJsonString(props.RequiredSecrets
                .Select(s => new Dictionary<string, object> { ["name"] = s.Key, ["arn"] = s.Value.SecretArn })
                .ToArray());
            environment["SET_SECRET_COMMAND"] = AppSecrets.SetCommand(SecretNameSlot, Aws.REGION, SecretIdSlot);
        }

        if (props.Databases.Count > 0)
        {
            foreach (var access in props.Databases)
            {
                access.Server.Cluster.GrantDataApiAccess(role);
                // The Data API reads the master secret with the caller's permissions.
                role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
                {
                    Actions = new[] { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret" },
                    Resources = new[] { access.Server.MasterSecretArn },
                }));
            }

            environment["DATABASES"] = Stack.Of(this).ToJsonString(props.Databases.Select(a => new Dictionary<string, object>
            {
                ["cluster"] = a.Server.Cluster.ClusterArn,
                ["secret"] = a.Server.MasterSecretArn,
                ["roles"] = a.Roles.ToArray(),
                ["databases"] = a.Databases.Select(d => new Dictionary<string, object>
                {
                    ["name"] = d.Name, ["owners"] = d.Owners.ToArray(), ["users"] = d.Users.ToArray(),
                }).ToArray(),
            }).ToArray());
        }

        Handler = new Function(this, "Handler", new FunctionProps
        {
            Runtime = Runtime.NODEJS_24_X,
            Handler = "index.handler",
            Code = Code.FromInline(HandlerCode()),
            Timeout = Timeout,
            MemorySize = 256,
            Role = role,
            LogGroup = logGroup,
            Description = props.Task is not null ? $"Runs {what} and waits for exit code 0"
                : props.Databases.Count > 0 ? "Creates the databases and the workloads' database roles"
                : "Fails the deployment while an operator-set secret holds no value",
            Environment = environment,
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

    private static void AllowRunning(Role role, ICluster cluster, WorkloadTask task)
    {
        var taskDefinition = task.TaskDefinition;
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "RunJobTask",
            Actions = new[] { "ecs:RunTask" },
            Resources = new[] { taskDefinition.TaskDefinitionArn },
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["ecs:cluster"] = cluster.ClusterArn },
            },
        }));
        role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WatchJobTask",
            Actions = new[] { "ecs:DescribeTasks", "ecs:StopTask" },
            // Task IDs exist only at run time; pseudo parameters keep the ARN the same for every account.
            Resources = new[] { $"arn:{Aws.PARTITION}:ecs:{Aws.REGION}:{Aws.ACCOUNT_ID}:task/{cluster.ClusterName}/*" },
        }));
        taskDefinition.TaskRole.GrantPassRole(role);
        taskDefinition.ObtainExecutionRole().GrantPassRole(role);
    }

    /// <summary><c>MigrationGate/handler.js</c>, inline (no bundling at synthesis); the Node.js runtime ships the AWS SDK v3.</summary>
    private static string HandlerCode()
    {
        using var stream = typeof(MigrationGate).Assembly.GetManifestResourceStream("MigrationGateHandler.js")
            ?? throw new InvalidOperationException("MigrationGateHandler.js is not embedded in the Deploy assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
