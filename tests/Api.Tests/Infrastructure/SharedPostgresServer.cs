using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server shared by the fixtures that run at the same time: starting a server costs seconds,
/// a database milliseconds. Each fixture still gets its own freshly migrated database, so no test sees
/// another's rows. Reference-counted because xunit 2 has no assembly fixture and the test host may be killed
/// rather than exit: the last fixture to finish stops the server.
/// </summary>
internal static class SharedPostgresServer
{
    private static readonly TimeSpan GateTimeout = TimeSpan.FromMinutes(2);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _server;
    private static int _users;

    public static async Task<PostgresServer> AcquireAsync()
    {
        await EnterGateAsync();
        try
        {
            _server ??= await PostgresServer.StartAsync();
            _users++;
            return _server;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await EnterGateAsync();
        try
        {
            if (--_users == 0 && _server is not null)
            {
                await _server.DisposeAsync();
                _server = null;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task EnterGateAsync()
    {
        if (!await Gate.WaitAsync(GateTimeout))
        {
            throw new TimeoutException($"The shared PostgreSQL server was busy for more than {GateTimeout}.");
        }
    }
}
