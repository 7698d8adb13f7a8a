using Amazon.CDK;
using Amazon.CDK.AWS.ECR;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="Workloads">Workload names; each gets the repository <c>{AppName}/{workload}</c>.</param>
/// <param name="KeepImages">Tagged images kept per repository; older ones expire.</param>
public sealed record ContainerRepositoriesProps(string AppName, IReadOnlyList<string> Workloads, int KeepImages = 100);

/// <summary>One ECR repository per workload: scanned on push, immutable tags, bounded by a lifecycle rule.</summary>
public sealed class ContainerRepositories : Construct
{
    public ContainerRepositories(Construct scope, string id, ContainerRepositoriesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var repositories = new Dictionary<string, Repository>(StringComparer.Ordinal);
        foreach (var workload in props.Workloads)
        {
            var repository = new Repository(this, workload, new RepositoryProps
            {
                RepositoryName = RepositoryName(props.AppName, workload),
                ImageScanOnPush = true,
                ImageTagMutability = TagMutability.IMMUTABLE,
                Encryption = RepositoryEncryption.AES_256,
                RemovalPolicy = RemovalPolicy.RETAIN,
                LifecycleRules = new ILifecycleRule[]
                {
                    new LifecycleRule
                    {
                        RulePriority = 1,
                        Description = "Expire untagged images after a day",
                        TagStatus = TagStatus.UNTAGGED,
                        MaxImageAge = Duration.Days(1),
                    },
                    new LifecycleRule
                    {
                        RulePriority = 2,
                        Description = $"Keep the newest {props.KeepImages} images",
                        TagStatus = TagStatus.ANY,
                        MaxImageCount = props.KeepImages,
                    },
                },
            });
            StableIds.Pin(repository, LogicalId(workload));
            repositories.Add(workload, repository);
        }

        Repositories = repositories;
    }

    public IReadOnlyDictionary<string, Repository> Repositories { get; }

    public static string LogicalId(string workload) => $"EcrRepository{NameCase.Pascal(workload)}";

    /// <summary>
    /// The repository's name, by which environment stacks find it: a CloudFormation export would keep the base
    /// stack from deleting or renaming a workload's repository while any environment imports it.
    /// </summary>
    public static string RepositoryName(string appName, string workload) => $"{appName}/{workload}";
}
