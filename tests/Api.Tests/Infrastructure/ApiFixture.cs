using System.Globalization;
using System.Security.Cryptography;
using AppDelivery.Aspire.LocalServers;
using AppDelivery.Aspire.Migrations;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>
/// One Api per test class, with a freshly migrated database of its own (on the shared PostgreSQL server, or on a
/// server process of its own when <see cref="OwnPostgresMaxConnections"/> is set). The variants below choose the rest.
/// </summary>
//#if (cache)
/// <remarks>Each fixture runs a Valkey process of its own (a local process, so tests may stop it).</remarks>
//#endif
public abstract class ApiFixture : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);

    private bool _holdsPostgres;
    private PostgresServer? _ownPostgres;
//#if (cache)
    private ValkeyServer? _valkey;
//#endif
    private ApiApplicationFactory? _factory;

    /// <summary>The key writes must carry; generated per fixture.</summary>
    public string ApiKey { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    public string DatabaseConnectionString { get; private set; } = string.Empty;

    /// <summary>The fixture's own PostgreSQL process, which tests may stop and restart.</summary>
    public PostgresServer OwnPostgres => _ownPostgres ?? throw new InvalidOperationException("This fixture uses the shared PostgreSQL server.");

//#if (cache)
    public ValkeyServer Valkey => _valkey ?? throw new InvalidOperationException("The fixture is not initialized.");

//#endif
    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

//#if (cache)
    protected virtual ValkeyOptions CacheOptions => new();

//#endif
    protected virtual string EnvironmentName => Environments.Development;

    /// <summary>Runs the Api on a real Kestrel port instead of the in-memory TestServer.</summary>
    protected virtual bool UseKestrel => false;

    /// <summary>When set, the fixture starts a PostgreSQL process of its own accepting this many connections.</summary>
    protected virtual int? OwnPostgresMaxConnections => null;

    /// <summary>
    /// Api settings beyond the connection strings and the API key. The pool is small because the Apis of the test
    /// classes running at once share one server of 200 connections (tasks × pool ≤ the server's budget).
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [ConfigurationKeys.DatabaseMaxPoolSize] = "20",
    };

    public async Task InitializeAsync()
    {
        try
        {
            PostgresServer postgres;
            if (OwnPostgresMaxConnections is { } maxConnections)
            {
                postgres = _ownPostgres = await PostgresServer.StartProcessAsync(maxConnections);
            }
            else
            {
                postgres = await SharedPostgresServer.AcquireAsync();
                _holdsPostgres = true;
            }

//#if (cache)
            _valkey = await ValkeyServer.StartProcessAsync(CacheOptions);
//#endif
            DatabaseConnectionString = await postgres.CreateDatabaseAsync();
            DatabaseMigrator.Migrate(DatabaseConnectionString);

            var settings = new Dictionary<string, string?>(Settings)
            {
                [$"ConnectionStrings:{ResourceNames.Database}"] = DatabaseConnectionString,
//#if (cache)
                [$"ConnectionStrings:{ResourceNames.Cache}"] = _valkey.ConnectionString,
//#endif
                [ConfigurationKeys.ApiKey] = ApiKey,
            };
            _factory = new ApiApplicationFactory(settings, EnvironmentName);
            if (UseKestrel)
            {
                _factory.UseKestrel(0);
                _factory.StartServer();
            }
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient(bool withApiKey = true)
    {
        var client = Factory.CreateClient();
        client.Timeout = ClientTimeout;
        if (withApiKey)
        {
            client.DefaultRequestHeaders.Add(ConfigurationKeys.ApiKeyHeader, ApiKey);
        }

        return client;
    }

    /// <summary>Runs SQL against the Api's database directly, bypassing the Api.</summary>
    public async Task<int> ExecuteSqlAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            _factory = null;
        }

//#if (cache)
        if (_valkey is not null)
        {
            await _valkey.DisposeAsync();
            _valkey = null;
        }

//#endif
        if (_ownPostgres is not null)
        {
            await _ownPostgres.DisposeAsync();
            _ownPostgres = null;
        }

        if (_holdsPostgres)
        {
            _holdsPostgres = false;
            await SharedPostgresServer.ReleaseAsync();
        }
    }
}

/// <summary>The Api in Development, as most tests run it.</summary>
public sealed class StandaloneApiFixture : ApiFixture;
//#if (cache)

/// <summary>The Api with a one-node Valkey cluster, as ElastiCache Serverless runs.</summary>
public sealed class ClusterApiFixture : ApiFixture
{
    protected override ValkeyOptions CacheOptions => new() { ClusterMode = true };
}
//#endif

/// <summary>The Api in the Production environment (no developer detail in responses).</summary>
public sealed class ProductionApiFixture : ApiFixture
{
    protected override string EnvironmentName => Environments.Production;
}

/// <summary>The Api behind a real Kestrel listener, for behaviour the in-memory TestServer does not have.</summary>
public sealed class KestrelApiFixture : ApiFixture
{
    protected override bool UseKestrel => true;
}

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
        [ConfigurationKeys.DatabaseMaxPoolSize] = MaxPoolSize.ToString(CultureInfo.InvariantCulture),
    };
}
