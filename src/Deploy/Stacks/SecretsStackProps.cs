using Amazon.CDK;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Stacks;

public sealed class SecretsStackProps : StackProps
{
    public required ApplicationModel Application { get; init; }

    public required DeploymentSettings Settings { get; init; }

    public required DeploymentEnvironment Target { get; init; }
}
