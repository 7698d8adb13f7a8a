namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>
/// What a parameter is for, found from where the PostgreSQL or cache container uses it (not from its name):
/// these local container credentials are replaced by AWS-managed ones and are not secrets of the app.
/// </summary>
internal enum CredentialRole
{
    None,
    DatabasePassword,
    DatabaseUser,
    CachePassword,
}

/// <param name="Owner">The server or cache whose credential the parameter is.</param>
internal sealed record CredentialBinding(CredentialRole Role, string Owner);
