using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace AppDelivery.Aspire.Api.Infrastructure;

/// <summary>
/// Writes need the <c>X-Api-Key</c> header to equal <c>Auth:ApiKey</c> when that key is configured.
/// Checked by middleware after routing, so an unauthenticated request is refused before its body is read.
/// </summary>
internal static class ApiKeyRequirement
{
    /// <summary>Marks endpoints (or a group) as requiring the API key.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new ApiKeyRequiredMetadata());
        builder.ProducesProblem(StatusCodes.Status401Unauthorized);
        return builder;
    }

    public static IApplicationBuilder UseApiKeyAuthentication(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var expectedKey = context.RequestServices.GetRequiredService<IConfiguration>()[ConfigurationKeys.ApiKey];
            var endpointRequiresKey = context.GetEndpoint()?.Metadata.GetMetadata<ApiKeyRequiredMetadata>() is not null;
            if (endpointRequiresKey
                && !string.IsNullOrEmpty(expectedKey)
                && !KeysMatch(context.Request.Headers[ConfigurationKeys.ApiKeyHeader].ToString(), expectedKey))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status401Unauthorized,
                        Title = "Missing or invalid API key",
                        Detail = $"Send the API key in the '{ConfigurationKeys.ApiKeyHeader}' header.",
                    },
                });
                return;
            }

            await next(context);
        });

    // Hashing first gives both inputs the same length, so the comparison time reveals nothing about the key.
    private static bool KeysMatch(string providedKey, string expectedKey) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(providedKey)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expectedKey)));

    private sealed class ApiKeyRequiredMetadata;
}
