using Amazon.CDK;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>The CDK app of one deployment, before synthesis: tests assert on the stacks directly.</summary>
public sealed record DeploymentStacks(App App, BaseStack Base, EnvironmentStack Environment);
