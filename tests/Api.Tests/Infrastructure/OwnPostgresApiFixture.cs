namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>
/// The Api on a PostgreSQL process of its own, which tests stop, restart and run out of connection slots:
/// the server accepts <see cref="MaxConnections"/> connections and the Api's pool at most <see cref="MaxPoolSize"/>.
/// </summary>
public sealed class OwnPostgresApiFixture : ApiFixture
{
    public const int MaxConnections = 20;
    public const int MaxPoolSize = 8;

    protected override int? OwnPostgresMaxConnections => MaxConnections;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [ConfigurationKeys.DatabaseMaxPoolSize] = MaxPoolSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
