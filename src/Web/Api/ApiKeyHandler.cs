namespace AppDelivery.Aspire.Web.Api;

/// <summary>Adds the shared API key header to every Api request when <c>Auth:ApiKey</c> is configured.</summary>
public sealed class ApiKeyHandler(IConfiguration configuration) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var apiKey = configuration[ConfigurationKeys.ApiKey];
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Remove(ConfigurationKeys.ApiKeyHeader);
            request.Headers.TryAddWithoutValidation(ConfigurationKeys.ApiKeyHeader, apiKey);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
