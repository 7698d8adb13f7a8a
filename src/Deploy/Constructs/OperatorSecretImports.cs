using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SSM;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record OperatorSecretImportsProps(string AppName, string Environment, IReadOnlyList<string> Names);

/// <summary>
/// The secrets stack's operator-set secrets, by the full ARNs <see cref="OperatorSecretParameters"/> writes
/// (resolved by CloudFormation at deploy time), so grants and ECS secrets name exactly those secrets.
/// </summary>
public sealed class OperatorSecretImports : Construct
{
    public OperatorSecretImports(Construct scope, string id, OperatorSecretImportsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Secrets = props.Names.ToDictionary(
            name => name,
            name => Secret.FromSecretCompleteArn(this, name, StringParameter.ValueForStringParameter(
                this, OperatorSecretParameters.Name(props.AppName, props.Environment, name))),
            StringComparer.Ordinal);
    }

    /// <summary>By parameter name.</summary>
    public IReadOnlyDictionary<string, ISecret> Secrets { get; }
}
