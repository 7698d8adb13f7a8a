using Microsoft.Extensions.Configuration;
using Npgsql;

namespace AppDelivery.Aspire.ServiceDefaults;

public static class NpgsqlIamAuthentication
{
    /// <summary>
    /// Where the deployment sets <see cref="ConfigurationKeys.DatabaseIamAuthentication"/> (each workload has a
    /// database role of its own and no password), new connections sign in with an <see cref="RdsAuthToken"/> of the
    /// task role. A token signs in new connections for 15 minutes: it is renewed well before, and soon after a failure.
    /// Locally nothing changes: the connection string carries the password.
    /// </summary>
    public static NpgsqlDataSourceBuilder UseIamAuthenticationWhenDeployed(this NpgsqlDataSourceBuilder dataSource, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        if (configuration.GetValue<bool>(ConfigurationKeys.DatabaseIamAuthentication))
        {
            dataSource.UsePeriodicPasswordProvider(
                (settings, cancellationToken) => RdsAuthToken.GenerateAsync(settings.Host!, settings.Port, settings.Username!, cancellationToken),
                SigV4Presigner.RenewalInterval,
                SigV4Presigner.RetryInterval);
        }

        return dataSource;
    }
}
