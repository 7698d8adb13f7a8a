using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using AppDelivery.Aspire.Deploy.Model;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record AppSecretsProps(IReadOnlyList<SecretModel> Secrets, RemovalPolicy RemovalPolicy);

/// <summary>
/// One Secrets Manager secret per secret parameter of the app, holding JSON <c>{"value": "..."}</c>.
/// Generated ones get a random value at creation (in the environment stack). The others, in the
/// <see cref="Stacks.SecretsStack"/>, hold the plain placeholder <see cref="Placeholder"/>, which has no
/// <c>value</c> key, until an operator puts the real value: the <see cref="MigrationGate"/> secrets check fails
/// the environment's deployment before anything starts while one still holds it.
/// </summary>
public sealed class AppSecrets : Construct
{
    public const string ValueKey = "value";
    public const string Placeholder = "UNSET";

    public AppSecrets(Construct scope, string id, AppSecretsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var secrets = new Dictionary<string, Secret>(StringComparer.Ordinal);
        foreach (var model in props.Secrets)
        {
            var secret = new Secret(this, model.Name, new SecretProps
            {
                Description = model.Generate is null
                    ? $"Secret parameter '{model.Name}': JSON {{\"{ValueKey}\": ...}}, set with the command the synth summary prints (value on stdin)."
                    : $"Secret parameter '{model.Name}', generated at creation.",
                GenerateSecretString = model.Generate is { } generate
                    ? new SecretStringGenerator
                    {
                        SecretStringTemplate = "{}",
                        GenerateStringKey = ValueKey,
                        PasswordLength = generate.MinLength,
                        ExcludePunctuation = !generate.Special,
                        IncludeSpace = false,
                    }
                    : null,
                SecretStringValue = model.Generate is null ? Amazon.CDK.SecretValue.UnsafePlainText(Placeholder) : null,
                RemovalPolicy = props.RemovalPolicy,
            });
            StableIds.Pin(secret, LogicalId(model.Name));
            secrets.Add(model.Name, secret);
        }

        Secrets = secrets;
    }

    public IReadOnlyDictionary<string, Secret> Secrets { get; }

    public static string LogicalId(string secret) => $"AppSecret{NameCase.Pascal(secret)}";

    /// <summary>
    /// The shell command that sets a secret: the value is read without echo and reaches
    /// <c>aws secretsmanager put-secret-value</c> on stdin as JSON built by <c>jq</c>, so it is in no command line,
    /// process list or shell history.
    /// </summary>
    /// <param name="secretId">The secret's ARN, or a shell expression that yields it.</param>
    public static string SetCommand(string secret, string region, string secretId) =>
        $"read -rsp '{secret}: ' SECRET_VALUE && echo && SECRET_VALUE=\"$SECRET_VALUE\" jq -n '{{{ValueKey}: env.SECRET_VALUE}}'"
        + $" | aws secretsmanager put-secret-value --region {region} --secret-id {secretId} --secret-string file:///dev/stdin; unset SECRET_VALUE";
}
