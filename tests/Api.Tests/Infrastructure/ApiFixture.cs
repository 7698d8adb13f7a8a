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
/// server process of its own when <see cref="OwnPostgresMaxConnections"/> is set) and its own Valkey process
/// (a local process, so tests may stop it). The variants below choose the rest.
/// </summary>
public abstract class ApiFixture : IAsyncLifetime
{
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);

    private bool _holdsPostgres;
    private PostgresServer? _ownPostgres;
    private ValkeyServer? _valkey;
    private ApiApplicationFactory? _factory;

    /// <summary>The key writes must carry; generated per fixture.</summary>
    public string ApiKey { get; } = RandomNumberGenerator.GetHexString(32, lowercase: true);

    public string DatabaseConnectionString { get; private set; } = string.Empty;

    /// <summary>The fixture's own PostgreSQL process, which tests may stop and restart.</summary>
    public PostgresServer OwnPostgres => _ownPostgres ?? throw new InvalidOperationException("This fixture uses the shared PostgreSQL server.");

    public ValkeyServer Valkey => _valkey ?? throw new InvalidOperationException("The fixture is not initialized.");

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    protected virtual ValkeyOptions CacheOptions => new();

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

            _valkey = await ValkeyServer.StartProcessAsync(CacheOptions);
            DatabaseConnectionString = await postgres.CreateDatabaseAsync();
            DatabaseMigrator.Migrate(DatabaseConnectionString);

            var settings = new Dictionary<string, string?>(Settings)
            {
                [$"ConnectionStrings:{ResourceNames.Database}"] = DatabaseConnectionString,
                [$"ConnectionStrings:{ResourceNames.Cache}"] = _valkey.ConnectionString,
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

    /// <summary>Runs SQL against the Api's database directly, bypassing the Api and its cache.</summary>
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

        if (_valkey is not null)
        {
            await _valkey.DisposeAsync();
            _valkey = null;
        }

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

/// <summary>The Api with a standalone Valkey, in Development.</summary>
public sealed class StandaloneApiFixture : ApiFixture;

/// <summary>The Api with a one-node Valkey cluster, as ElastiCache Serverless runs.</summary>
public sealed class ClusterApiFixture : ApiFixture
{
    protected override ValkeyOptions CacheOptions => new() { ClusterMode = true };
}

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
