using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.Migrations.Tests;

/// <summary>One PostgreSQL server per test class; each test creates its own database on it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        _server = await PostgresServer.StartAsync(timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
