using Amazon.CDK;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Stacks;

public sealed class EnvironmentStackProps : StackProps
{
    public required ApplicationModel Application { get; init; }

    public required DeploymentSettings Settings { get; init; }

    public required DeploymentEnvironment Target { get; init; }

    /// <summary>Tag of every workload image; a new tag also re-runs the jobs.</summary>
    public required string ImageTag { get; init; }

    public required BaseStack Base { get; init; }
}
