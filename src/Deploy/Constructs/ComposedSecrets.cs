using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record ComposedSecretsProps(bool Production);

/// <summary>
/// Secrets Manager secrets holding a value that embeds generated secrets, e.g. RabbitMQ's
/// <c>amqp://guest:{password}@eventbus:5672</c>: CloudFormation composes it from dynamic references
/// (<c>{{resolve:secretsmanager:…}}</c>), so the template never holds a secret value, and ECS injects it whole.
/// One secret per workload and variable; the value follows the generated secrets, which do not change.
/// </summary>
public sealed class ComposedSecrets : Construct
{
    private readonly ComposedSecretsProps props;

    public ComposedSecrets(Construct scope, string id, ComposedSecretsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        this.props = props;
    }

    /// <param name="value">The composed value, its secret parts as dynamic references (CDK tokens).</param>
    public ISecret Add(string workload, string variable, string value)
    {
        var secret = new Secret(this, $"{workload}-{variable}", new SecretProps
        {
            Description = $"'{variable}' of {workload}, composed from generated secrets at deployment.",
            SecretStringValue = SecretValue.UnsafePlainText(value),
            RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        StableIds.Pin(secret, LogicalId(workload, variable));
        return secret;
    }

    public static string LogicalId(string workload, string variable) => $"ComposedSecret{NameCase.Pascal(workload)}{NameCase.Pascal(variable)}";
}
