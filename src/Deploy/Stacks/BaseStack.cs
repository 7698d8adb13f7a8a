using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using AppDelivery.Aspire.Deploy.Constructs;
using AppDelivery.Aspire.Deploy.Settings;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>
/// Long-lived resources shared by every environment of the account: network, image repositories,
/// DNS and certificate, load balancer access logs, and the GitHub deploy role. It does not depend on
/// which environment is being deployed, so every synthesis produces the same base template.
/// </summary>
public sealed class BaseStack : Stack
{
    public BaseStack(Construct scope, string id, BaseStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;

        Network = new Network(this, "Network", new NetworkProps(
            settings.AvailabilityZones,
            settings.NatGateways,
            RetentionDays.THREE_MONTHS));

        var repositories = new ContainerRepositories(this, "Repositories", new ContainerRepositoriesProps(
            settings.AppName,
            props.Application.Workloads.Where(w => w.Image.InRepository).Select(w => w.Name).ToArray()));
        Repositories = repositories.Repositories.ToDictionary(r => r.Key, r => (IRepository)r.Value, StringComparer.Ordinal);

        if (settings.Domain is { } domain)
        {
            var publicDomain = new PublicDomain(this, "Domain", new PublicDomainProps(domain));
            Zone = publicDomain.Zone;
            Certificate = publicDomain.Certificate;
        }

        AccessLogs = new AccessLogBucket(this, "AccessLogs", new AccessLogBucketProps()).Bucket;
        _ = new BaseParameters(this, "Shared", new BaseParametersProps(settings.AppName, Vpc, AccessLogs, Zone, Certificate));

        var deployRole = new GitHubDeployRole(this, "GitHub", new GitHubDeployRoleProps(
            settings.GitHub,
            settings.Environments.Keys.Where(k => k != EnvironmentNames.PreviewTemplate).ToArray(),
            repositories.Repositories.Values.ToArray()));

        var previewRole = new GitHubPreviewRole(this, "GitHubPreview", new GitHubPreviewRoleProps(
            settings.GitHub,
            deployRole.ProviderArn,
            settings.AppName,
            repositories.Repositories.Values.ToArray()));

        _ = new CfnOutput(this, "DeployRoleArn", new CfnOutputProps
        {
            Value = deployRole.Role.RoleArn,
            Description = "aws-actions/configure-aws-credentials role-to-assume (dev, staging, prod)",
        });
        _ = new CfnOutput(this, "PreviewDeployRoleArn", new CfnOutputProps
        {
            Value = previewRole.Role.RoleArn,
            Description = "role-to-assume of pull-request previews (pr-*)",
        });
        _ = new CfnOutput(this, "PreviewExecutionRoleArn", new CfnOutputProps
        {
            Value = previewRole.ExecutionRole.RoleArn,
            Description = "cdk deploy/destroy --role-arn of pull-request previews",
        });
        foreach (var (workload, repository) in repositories.Repositories)
        {
            _ = new CfnOutput(this, $"Repository{NameCase.Pascal(workload)}Uri", new CfnOutputProps { Value = repository.RepositoryUri });
        }
    }

    public Network Network { get; }

    public IVpc Vpc => Network.Vpc;

    public IReadOnlyDictionary<string, IRepository> Repositories { get; }

    public IHostedZone? Zone { get; }

    public ICertificate? Certificate { get; }

    public IBucket AccessLogs { get; }
}
