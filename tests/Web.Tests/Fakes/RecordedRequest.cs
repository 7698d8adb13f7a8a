namespace AppDelivery.Aspire.Web.Tests.Fakes;

/// <summary>A request the Web sent to the fake Api.</summary>
/// <param name="ApiKey">The <c>X-Api-Key</c> header value, or null when absent.</param>
public sealed record RecordedRequest(HttpMethod Method, string PathAndQuery, string? ApiKey, string? Body);
