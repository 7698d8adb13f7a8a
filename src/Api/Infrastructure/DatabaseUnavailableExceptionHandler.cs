using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Npgsql;

namespace AppDelivery.Aspire.Api.Infrastructure;

/// <summary>
/// Turns "PostgreSQL cannot serve this now" (connection refused or reset, too many clients, server shutting
/// down or starting up, pool or connect timeout) into 503 with <c>Retry-After</c>, so clients and load balancers
/// retry instead of treating a passing outage as a bug (500).
/// </summary>
internal sealed partial class DatabaseUnavailableExceptionHandler(
    IProblemDetailsService problemDetailsService, ILogger<DatabaseUnavailableExceptionHandler> logger) : IExceptionHandler
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }

        var exceptionType = exception.GetType().Name;
        var sqlState = (exception as PostgresException)?.SqlState ?? "-";
        LogUnavailable(logger, exceptionType, sqlState, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfter.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        return await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = $"The database cannot serve this request now. Retry after {RetryAfter.TotalSeconds:F0} seconds.",
            },
            Exception = exception,
        });
    }

    /// <summary>
    /// SQLSTATE class 08 (connection exception), 53 (insufficient resources, e.g. 53300 too many clients) and
    /// 57P (operator intervention: shutdown, cannot connect now), and what Npgsql itself calls transient.
    /// A constraint violation or syntax error stays a 500: retrying would not help.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is TimeoutException,
        TimeoutException => true,
        _ => false,
    };

    // Type, SQLSTATE and message only: an Npgsql message never carries the password, a connection string might.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable ({ExceptionType}, SQLSTATE {SqlState}: {ExceptionMessage}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string exceptionType, string sqlState, string exceptionMessage);
}
