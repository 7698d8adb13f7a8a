using Amazon.CDK;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Stacks;

public sealed class BaseStackProps : StackProps
{
    public required ApplicationModel Application { get; init; }

    public required DeploymentSettings Settings { get; init; }
}
