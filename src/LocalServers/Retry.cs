namespace AppDelivery.Aspire.LocalServers;

/// <summary>Polls until a condition holds, with an overall timeout.</summary>
internal static class Retry
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Calls <paramref name="attempt"/> until it returns true. <paramref name="abort"/> is checked first on every
    /// round and may throw (e.g. when the server process died).
    /// </summary>
    public static async Task UntilAsync(
        Func<CancellationToken, Task<bool>> attempt,
        Action abort,
        TimeSpan timeout,
        Func<Exception?, Exception> onTimeout,
        CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            abort();
            try
            {
                if (await attempt(cancellationToken))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastError = exception;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        throw onTimeout(lastError);
    }
}
