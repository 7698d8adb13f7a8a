using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="Environments">Named GitHub environments the role trusts; <c>pr-*</c> previews use <see cref="GitHubPreviewRole"/>.</param>
/// <param name="BootstrapQualifier">Qualifier of the account's <c>cdk bootstrap</c> roles (CDK's default).</param>
public sealed record GitHubDeployRoleProps(
    GitHubSettings GitHub,
    IReadOnlyList<string> Environments,
    IReadOnlyList<IRepository> Repositories,
    string BootstrapQualifier = GitHubDeployRole.DefaultBootstrapQualifier);

/// <summary>
/// The role GitHub Actions assumes through OIDC. It can only push images and assume the CDK bootstrap
/// roles, which do the actual deployment; it trusts only the repository's deployment environments.
/// </summary>
public sealed class GitHubDeployRole : Construct
{
    public const string Issuer = "token.actions.githubusercontent.com";
    public const string ProviderLogicalId = "GitHubOidcProvider";
    public const string RoleLogicalId = "GitHubDeployRole";

    /// <summary>Qualifier of the account's <c>cdk bootstrap</c> roles (CDK's default).</summary>
    public const string DefaultBootstrapQualifier = "hnb659fds";

    public GitHubDeployRole(Construct scope, string id, GitHubDeployRoleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        string providerArn;
        if (props.GitHub.ExistingOidcProviderArn is { } existing)
        {
            providerArn = existing;
        }
        else
        {
            var provider = new OidcProviderNative(this, "Provider", new OidcProviderNativeProps
            {
                Url = $"https://{Issuer}",
                ClientIds = new[] { "sts.amazonaws.com" },
            });
            StableIds.Pin(provider, ProviderLogicalId);
            providerArn = provider.OidcProviderArn;
        }

        ProviderArn = providerArn;
        var subjects = props.Environments
            .Select(e => $"repo:{props.GitHub.Repository}:environment:{e}")
            .ToArray();
        Role = new Role(this, "Role", new RoleProps
        {
            Description = $"GitHub Actions deployments of {props.GitHub.Repository}",
            MaxSessionDuration = Duration.Hours(1),
            AssumedBy = TrustedBy(providerArn, subjects),
        });
        StableIds.Pin(Role, RoleLogicalId);

        var stack = Stack.Of(this);
        var bootstrapRoles = new[] { "deploy-role", "file-publishing-role", "image-publishing-role" }
            .Select(r => $"arn:{stack.Partition}:iam::{stack.Account}:role/cdk-{props.BootstrapQualifier}-{r}-{stack.Account}-{stack.Region}")
            .ToArray();
        Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AssumeCdkBootstrapRoles",
            Actions = new[] { "sts:AssumeRole", "sts:TagSession" },
            Resources = bootstrapRoles,
        }));
        foreach (var repository in props.Repositories)
        {
            repository.GrantPullPush(Role);
        }
    }

    public Role Role { get; }

    public string ProviderArn { get; }

    /// <summary>GitHub Actions jobs whose OIDC subject matches <paramref name="subjects"/> (a pattern or an array of them).</summary>
    public static WebIdentityPrincipal TrustedBy(string providerArn, object subjects) =>
        new(providerArn, new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { [$"{Issuer}:aud"] = "sts.amazonaws.com" },
            ["StringLike"] = new Dictionary<string, object> { [$"{Issuer}:sub"] = subjects },
        });
}
