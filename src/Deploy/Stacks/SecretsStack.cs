using Amazon.CDK;
using AppDelivery.Aspire.Deploy.Constructs;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Stacks;

/// <summary>
/// The secrets an operator sets, one environment's, in a stack of their own deployed before the environment stack:
/// they exist (holding <see cref="AppSecrets.Placeholder"/>) before anything reads them, and a failed or rolled-back
/// environment deployment cannot delete them. Retained when the stack is deleted, except in previews.
/// </summary>
public sealed class SecretsStack : Stack
{
    public SecretsStack(Construct scope, string id, SecretsStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        Secrets = new AppSecrets(this, "Secrets", new AppSecretsProps(
            props.Application.OperatorSecrets.ToList(),
            props.Target.IsPreview ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN));
        _ = new OperatorSecretParameters(this, "Parameters", new OperatorSecretParametersProps(
            props.Settings.AppName, props.Target.Name, Secrets.Secrets));
    }

    public AppSecrets Secrets { get; }
}
