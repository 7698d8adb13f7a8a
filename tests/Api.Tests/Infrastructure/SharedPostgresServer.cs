using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.Api.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run: starting a server costs seconds, a database milliseconds.
/// Each fixture still gets its own freshly migrated database, so no test sees another's rows.
/// xunit 2 has no assembly fixture, hence the process-exit hook.
/// </summary>
internal static class SharedPostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync);

    public static Task<PostgresServer> GetAsync() => Server.Value;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
