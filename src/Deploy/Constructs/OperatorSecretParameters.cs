using Amazon.CDK.AWS.SecretsManager;
using Amazon.CDK.AWS.SSM;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record OperatorSecretParametersProps(string AppName, string Environment, IReadOnlyDictionary<string, Secret> Secrets);

/// <summary>
/// The full ARN of each operator-set secret as an SSM parameter <c>/{app}/{env}/secrets/{name}</c>, which the
/// environment stack reads (<see cref="OperatorSecretImports"/>) instead of a CloudFormation export: an export
/// would lock the secrets stack, and ECS needs the full ARN, which a secret's name does not give.
/// </summary>
public sealed class OperatorSecretParameters : Construct
{
    public OperatorSecretParameters(Construct scope, string id, OperatorSecretParametersProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        foreach (var (name, secret) in props.Secrets)
        {
            _ = new StringParameter(this, name, new StringParameterProps
            {
                ParameterName = Name(props.AppName, props.Environment, name),
                StringValue = secret.SecretArn,
                Description = $"{props.AppName} {props.Environment}: ARN of the secret parameter '{name}', read by the environment stack",
            });
        }
    }

    public static string Name(string appName, string environment, string secret) => $"/{appName}/{environment}/secrets/{secret}";
}
