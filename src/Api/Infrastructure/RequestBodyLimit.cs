using Microsoft.AspNetCore.Mvc;

namespace AppDelivery.Aspire.Api.Infrastructure;

internal static class RequestBodyLimit
{
    public const long MaxBytes = 64 * 1024;

    /// <summary>
    /// Rejects a declared Content-Length over <see cref="MaxBytes"/> with a 413 ProblemDetails before any
    /// endpoint reads the body. Kestrel's own limit (set to the same value) covers chunked bodies on a real server;
    /// the in-memory TestServer has no such limit, so the Content-Length check is what both hosts share.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = PayloadTooLargeProblem(),
                });
                return;
            }

            await next(context);
        });

    public static ProblemDetails PayloadTooLargeProblem() => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "Request body too large",
        Detail = $"The request body must not exceed {MaxBytes / 1024} KiB.",
    };
}
