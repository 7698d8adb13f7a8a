using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using AppDelivery.Aspire.Deploy.Model;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record AppSecretsProps(IReadOnlyList<SecretModel> Secrets, bool Production);

/// <summary>
/// One Secrets Manager secret per secret parameter of the app, holding JSON <c>{"value": "..."}</c>.
/// Generated ones get a random value at creation. The others hold the plain placeholder
/// <see cref="Placeholder"/>, which has no <c>value</c> key, so ECS refuses to start a task that needs
/// it (ResourceInitializationError naming the secret) until an operator puts the real value.
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
                RemovalPolicy = props.Production ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            });
            StableIds.Pin(secret, LogicalId(model.Name));
            secrets.Add(model.Name, secret);
        }

        Secrets = secrets;
    }

    public IReadOnlyDictionary<string, Secret> Secrets { get; }

    public static string LogicalId(string secret) => $"AppSecret{NameCase.Pascal(secret)}";
}
