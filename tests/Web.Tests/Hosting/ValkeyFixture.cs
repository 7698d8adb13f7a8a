using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.Web.Tests.Hosting;

/// <summary>A throwaway Valkey for the Web's Data Protection key ring.</summary>
public sealed class ValkeyFixture : IAsyncLifetime
{
    private ValkeyServer? _server;

    public string ConnectionString => _server?.ConnectionString
        ?? throw new InvalidOperationException("Valkey has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _server = await ValkeyServer.StartAsync(null, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
