namespace AppDelivery.Aspire.Deploy.Settings;

/// <param name="Repository"><c>owner/name</c>: the only repository the deploy role trusts.</param>
/// <param name="ExistingOidcProviderArn">An account has one GitHub OIDC provider: import it when set.</param>
public sealed record GitHubSettings(string Repository, string? ExistingOidcProviderArn);
