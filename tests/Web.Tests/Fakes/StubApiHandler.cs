using System.Collections.Concurrent;

namespace AppDelivery.Aspire.Web.Tests.Fakes;

/// <summary>Stands in for the Api: records each request and answers with <see cref="Respond"/>.</summary>
public sealed class StubApiHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public Func<HttpRequestMessage, HttpResponseMessage> Respond { get; set; } =
        _ => ApiResponses.Problem(System.Net.HttpStatusCode.NotFound);

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var apiKey = request.Headers.TryGetValues(ConfigurationKeys.ApiKeyHeader, out var values) ? string.Join(",", values) : null;
        _requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!.PathAndQuery, apiKey, body));
        var response = Respond(request);
        response.RequestMessage = request;
        return response;
    }
}
