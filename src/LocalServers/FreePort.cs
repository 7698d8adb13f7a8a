using System.Net;
using System.Net.Sockets;

namespace AppDelivery.Aspire.LocalServers;

/// <summary>Finds TCP ports on 127.0.0.1 that nothing listens on right now.</summary>
public static class FreePort
{
    /// <summary>A port with no listener; another process may still take it before the caller binds it.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A port no higher than <paramref name="maxPort"/> whose companion port (<c>port + offset</c>) is free too,
    /// as a Valkey cluster node needs for its bus port.
    /// </summary>
    public static int FindWithCompanion(int offset, int maxPort)
    {
        const int attempts = 200;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var port = Find();
            if (port <= maxPort && IsFree(port + offset))
            {
                return port;
            }
        }

        throw new InvalidOperationException(
            $"No free port <= {maxPort} with a free companion port (+{offset}) found in {attempts} attempts.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
