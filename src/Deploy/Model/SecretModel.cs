namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>
/// A secret parameter of the app, one Secrets Manager secret in AWS. Container passwords of the local
/// PostgreSQL and Valkey are not secrets of the app: the reader binds them by role and drops them.
/// </summary>
/// <param name="Name">Parameter name, e.g. <c>api-key</c>.</param>
/// <param name="Generate">How to generate it; null when an operator must set it.</param>
public sealed record SecretModel(string Name, GeneratedSecret? Generate);

/// <summary>Generation rule from the manifest's <c>default.generate</c>.</summary>
public sealed record GeneratedSecret(int MinLength, bool Special);
