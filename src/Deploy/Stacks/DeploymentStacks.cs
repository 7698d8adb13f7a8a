using Amazon.CDK;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>The CDK app of one deployment, before synthesis: tests assert on the stacks directly.</summary>
/// <param name="Secrets">Null when the app has no operator-set secret.</param>
public sealed record DeploymentStacks(App App, BaseStack Base, SecretsStack? Secrets, EnvironmentStack Environment);
