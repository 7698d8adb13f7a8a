using System.Data.Common;
//#if (aws)
using AppDelivery.Aspire.ServiceDefaults;
//#endif
using Npgsql;

namespace AppDelivery.Aspire.Migrations;

/// <summary>Adjusts the connection string the migrator is given, without dropping anything Npgsql would use.</summary>
internal static class MigrationConnectionString
{
    /// <summary>Seconds; Aurora Serverless v2 takes about 15 s to resume from 0 ACU, Npgsql's default.</summary>
    public const int ConnectTimeoutSeconds = 60;

    /// <summary>
    /// Raises the connect timeout when the string does not set one. A missing password stays missing, so Npgsql
    /// still reads <c>PGPASSWORD</c>.
    /// </summary>
    public static string Prepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!SetsConnectTimeout(connectionString))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

//#if (aws)
    /// <summary>
    /// The connection string with an RDS IAM auth token of this process's AWS credentials as its password: the
    /// migrations open their connections within the token's 15 minutes (the gate stops the job after 15).
    /// </summary>
    public static async Task<string> WithIamTokenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Host) || string.IsNullOrEmpty(builder.Username))
        {
            throw new InvalidOperationException("IAM database authentication needs the connection string's Host and Username.");
        }

        builder.Password = await RdsAuthToken.GenerateAsync(builder.Host, builder.Port, builder.Username, cancellationToken);
        return builder.ConnectionString;
    }
//#endif

    // NpgsqlConnectionStringBuilder reports every keyword as present, so look at the keywords actually written.
    private static bool SetsConnectTimeout(string connectionString) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Any(keyword => keyword.Replace(" ", "", StringComparison.Ordinal)
                .Equals(nameof(NpgsqlConnectionStringBuilder.Timeout), StringComparison.OrdinalIgnoreCase));
}
