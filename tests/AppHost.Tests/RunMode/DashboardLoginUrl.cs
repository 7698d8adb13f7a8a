using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace AppDelivery.Aspire.AppHost.Tests.RunMode;

/// <summary>Catches the dashboard login URL the AppHost logs at start, as a user would copy it from the terminal.</summary>
internal sealed partial class DashboardLoginUrl : ILoggerProvider
{
    private readonly TaskCompletionSource<Uri> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<Uri> Value => _url.Task;

    public ILogger CreateLogger(string categoryName) => new Listener(this);

    public void Dispose()
    {
    }

    [GeneratedRegex(@"Login to the dashboard at (\S+/login\?t=\S+)")]
    private static partial Regex LoginLine();

    private sealed class Listener(DashboardLoginUrl owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (LoginLine().Match(formatter(state, exception)) is { Success: true } match)
            {
                owner._url.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
    }
}
