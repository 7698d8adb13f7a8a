using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="ProviderArn">GitHub's OIDC provider (created or imported by <see cref="GitHubDeployRole"/>).</param>
/// <param name="BootstrapQualifier">Qualifier of the account's <c>cdk bootstrap</c> roles (CDK's default).</param>
public sealed record GitHubPreviewRoleProps(
    GitHubSettings GitHub,
    string ProviderArn,
    string AppName,
    IReadOnlyList<IRepository> Repositories,
    string BootstrapQualifier = GitHubDeployRole.DefaultBootstrapQualifier);

/// <summary>
/// What pull-request previews deploy with, instead of the shared deploy role (whose CDK bootstrap roles can
/// deploy any stack): a role trusted only by the <c>pr-*</c> GitHub environments that may operate only the
/// <c>{app}-pr-*</c> stacks, through its own CloudFormation execution role. That execution role may not touch
/// a resource tagged with another environment, nor create a role without <see cref="BoundaryName"/>, which
/// applies the same limits to every role a preview creates (the preview stacks apply it to all their roles).
/// </summary>
public sealed class GitHubPreviewRole : Construct
{
    public const string RoleLogicalId = "GitHubPreviewDeployRole";
    public const string ExecutionRoleLogicalId = "PreviewExecutionRole";
    public const string EnvironmentTag = "Environment";

    /// <summary>Changes to the base stack's network, repositories, bucket and parameters that no preview stack makes.</summary>
    public static readonly IReadOnlyList<string> SharedResourceChanges =
    [
        "ec2:DeleteVpc", "ec2:ModifyVpcAttribute", "ec2:DeleteSubnet", "ec2:ModifySubnetAttribute", "ec2:DeleteNatGateway",
        "ec2:DeleteRouteTable", "ec2:DeleteRoute", "ec2:ReplaceRoute", "ec2:DeleteInternetGateway", "ec2:DetachInternetGateway",
        "ec2:DeleteFlowLogs", "ec2:DeleteVpcEndpoints", "ecr:DeleteRepository", "ecr:SetRepositoryPolicy",
        "ecr:DeleteRepositoryPolicy", "ecr:PutLifecyclePolicy", "ecr:BatchDeleteImage", "s3:DeleteBucket",
        "s3:PutBucketPolicy", "s3:DeleteBucketPolicy",
    ];

    /// <summary>Writes to SSM parameters, which a preview makes only under <c>/{app}/pr-*</c> (its secrets stack's ARNs).</summary>
    public static readonly IReadOnlyList<string> ParameterChanges = ["ssm:PutParameter", "ssm:DeleteParameter", "ssm:DeleteParameters"];

    public GitHubPreviewRole(Construct scope, string id, GitHubPreviewRoleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var stack = Stack.Of(this);
        // Pseudo parameters keep these ARNs (and their cdk-nag acknowledgements) the same for every account.
        var previewStacks = $"arn:{Aws.PARTITION}:cloudformation:{Aws.REGION}:{Aws.ACCOUNT_ID}:stack/{props.AppName}-pr-*/*";
        var previewParameters = $"arn:{Aws.PARTITION}:ssm:{Aws.REGION}:{Aws.ACCOUNT_ID}:parameter/{props.AppName}/pr-*";
        var previewRoles = $"arn:{Aws.PARTITION}:iam::{Aws.ACCOUNT_ID}:role/{props.AppName}-pr-*";
        var boundaryArn = $"arn:{Aws.PARTITION}:iam::{Aws.ACCOUNT_ID}:policy/{BoundaryName(props.AppName)}";

        // Applies to the execution role and, as a permissions boundary, to every role a preview creates.
        var otherEnvironments = new PolicyStatement(new PolicyStatementProps
        {
            Sid = "OnlyPreviewResources",
            Effect = Effect.DENY,
            Actions = new[] { "*" },
            Resources = new[] { "*" },
            Conditions = new Dictionary<string, object>
            {
                ["Null"] = new Dictionary<string, object> { [$"aws:ResourceTag/{EnvironmentTag}"] = "false" },
                ["StringNotLike"] = new Dictionary<string, object> { [$"aws:ResourceTag/{EnvironmentTag}"] = "pr-*" },
            },
        });
        var boundary = new ManagedPolicy(this, "Boundary", new ManagedPolicyProps
        {
            ManagedPolicyName = BoundaryName(props.AppName),
            Description = "Permissions boundary of every role in a pull-request preview stack",
            Statements = new[]
            {
                new PolicyStatement(new PolicyStatementProps { Sid = "WithinIdentityPolicies", Actions = new[] { "*" }, Resources = new[] { "*" } }),
                otherEnvironments,
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "NoAccountAdministration",
                    Effect = Effect.DENY,
                    // iam:PassRole stays: the migration gate passes its task's roles to RunTask.
                    Actions = new[]
                    {
                        "iam:Create*", "iam:Delete*", "iam:Put*", "iam:Attach*", "iam:Detach*", "iam:Update*",
                        "iam:Add*", "iam:Remove*", "iam:Set*", "organizations:*", "account:*", "sts:AssumeRole",
                    },
                    Resources = new[] { "*" },
                }),
            },
        });

        ExecutionRole = new Role(this, "ExecutionRole", new RoleProps
        {
            Description = $"CloudFormation execution role of {props.AppName}-pr-* stacks",
            AssumedBy = new ServicePrincipal("cloudformation.amazonaws.com"),
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["PreviewStack"] = new(new PolicyDocumentProps
                {
                    Statements = new[]
                    {
                        // A stack of ECS, RDS, ElastiCache, ELB, WAF, Lambda... needs most services; the denies below scope it.
                        new PolicyStatement(new PolicyStatementProps { Sid = "CreatePreviewStacks", Actions = new[] { "*" }, Resources = new[] { "*" } }),
                        otherEnvironments,
                        new PolicyStatement(new PolicyStatementProps
                        {
                            Sid = "RolesOnlyWithTheBoundary",
                            Effect = Effect.DENY,
                            Actions = new[] { "iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary" },
                            Resources = new[] { "*" },
                            Conditions = new Dictionary<string, object>
                            {
                                ["StringNotEquals"] = new Dictionary<string, object> { ["iam:PermissionsBoundary"] = boundaryArn },
                            },
                        }),
                        new PolicyStatement(new PolicyStatementProps
                        {
                            Sid = "OnlyPreviewRoles",
                            Effect = Effect.DENY,
                            Actions = new[] { "iam:*" },
                            NotResources = new[] { previewRoles },
                        }),
                        new PolicyStatement(new PolicyStatementProps
                        {
                            Sid = "OnlyPreviewStacks",
                            Effect = Effect.DENY,
                            Actions = new[] { "cloudformation:*" },
                            NotResources = new[] { previewStacks },
                        }),
                        new PolicyStatement(new PolicyStatementProps
                        {
                            // The base stack's resources carry no Environment tag, so the tag guard does not cover them.
                            Sid = "KeepSharedResources",
                            Effect = Effect.DENY,
                            Actions = SharedResourceChanges.ToArray(),
                            Resources = new[] { "*" },
                        }),
                        new PolicyStatement(new PolicyStatementProps
                        {
                            // The base stack's parameters carry no Environment tag either; another environment's are tagged.
                            Sid = "OnlyPreviewParameters",
                            Effect = Effect.DENY,
                            Actions = ParameterChanges.ToArray(),
                            NotResources = new[] { previewParameters },
                        }),
                        new PolicyStatement(new PolicyStatementProps
                        {
                            Sid = "KeepTheBoundary",
                            Effect = Effect.DENY,
                            Actions = new[] { "iam:DeleteRolePermissionsBoundary" },
                            Resources = new[] { "*" },
                        }),
                    },
                }),
            },
        });
        StableIds.Pin(ExecutionRole, ExecutionRoleLogicalId);
        ExecutionRole.Node.AddDependency(boundary);

        var bootstrap = $"arn:{stack.Partition}:iam::{stack.Account}:role/cdk-{props.BootstrapQualifier}";
        Role = new Role(this, "Role", new RoleProps
        {
            Description = $"GitHub Actions pull-request previews of {props.GitHub.Repository}",
            MaxSessionDuration = Duration.Hours(1),
            AssumedBy = GitHubDeployRole.TrustedBy(props.ProviderArn, $"repo:{props.GitHub.Repository}:environment:pr-*"),
        });
        StableIds.Pin(Role, RoleLogicalId);
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PublishAssets",
            Actions = new[] { "sts:AssumeRole", "sts:TagSession" },
            Resources = new[]
            {
                $"{bootstrap}-file-publishing-role-{stack.Account}-{stack.Region}",
                $"{bootstrap}-image-publishing-role-{stack.Account}-{stack.Region}",
            },
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadBootstrapVersion",
            Actions = new[] { "ssm:GetParameter", "ssm:GetParameters" },
            Resources = new[] { $"arn:{stack.Partition}:ssm:{stack.Region}:{stack.Account}:parameter/cdk-bootstrap/{props.BootstrapQualifier}/version" },
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadPreviewStacks",
            Actions = new[]
            {
                "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents", "cloudformation:DescribeStackResources",
                "cloudformation:DescribeChangeSet", "cloudformation:GetTemplate", "cloudformation:ListStackResources",
                "cloudformation:ExecuteChangeSet", "cloudformation:DeleteChangeSet",
            },
            Resources = new[] { previewStacks },
        }));
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ChangePreviewStacksThroughTheExecutionRole",
            Actions = new[] { "cloudformation:CreateChangeSet", "cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:DeleteStack" },
            Resources = new[] { previewStacks },
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["cloudformation:RoleArn"] = ExecutionRole.RoleArn },
            },
        }));
        ExecutionRole.GrantPassRole(Role);
        foreach (var repository in props.Repositories)
        {
            repository.GrantPullPush(Role);
        }
    }

    public Role Role { get; }

    public Role ExecutionRole { get; }

    /// <summary>The managed policy every role of a preview stack is bounded by.</summary>
    public static string BoundaryName(string appName) => $"{appName}-preview-boundary";
}
