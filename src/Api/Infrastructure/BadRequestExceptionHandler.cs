using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AppDelivery.Aspire.Api.Infrastructure;

/// <summary>
/// Turns request-binding failures (malformed JSON, wrong types, unparsable query values, oversized bodies)
/// into 400/413 ProblemDetails instead of the 500 an unhandled exception would give.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problemDetailsService) : IExceptionHandler
{
    public const string BodyField = "body";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                RequestBodyLimit.PayloadTooLargeProblem(),
            BadHttpRequestException { InnerException: JsonException json } => InvalidJsonProblem(json),
            JsonException json => InvalidJsonProblem(json),
            BadHttpRequestException badRequest => InvalidParameterProblem(badRequest),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetailsService.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails InvalidJsonProblem(JsonException exception) =>
        ValidationProblem(
            BodyField,
            exception.Path is { Length: > 1 } path
                ? $"The request body has an invalid value at '{path}'."
                : "The request body is not valid JSON.");

    // The framework names the parameter only in its message: 'Failed to bind parameter "int? page" from "abc".'
    private static HttpValidationProblemDetails InvalidParameterProblem(BadHttpRequestException exception)
    {
        var match = BoundParameterPattern().Match(exception.Message);
        return match.Success
            ? ValidationProblem(match.Groups["name"].Value, $"The value '{match.Groups["value"].Value}' is not valid.")
            : ValidationProblem(BodyField, "The request body is missing or invalid.");
    }

    private static HttpValidationProblemDetails ValidationProblem(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
        };

    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex BoundParameterPattern();
}
