namespace AppDelivery.Aspire.LocalServers;

/// <summary>
/// A free port is only free until someone binds it: another process may take it between the probe and the
/// server's bind. Then pick another port and launch again, a few times.
/// </summary>
internal static class PortRace
{
    private const int Attempts = 3;

    public static async Task LaunchAsync(Action pickPort, Func<Task> launch)
    {
        for (var attempt = 1; ; attempt++)
        {
            pickPort();
            try
            {
                await launch();
                return;
            }
            catch (InvalidOperationException exception)
                when (attempt < Attempts && exception.Message.Contains("Address already in use", StringComparison.Ordinal))
            {
            }
        }
    }
}
