using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Polly;

namespace AppDelivery.Aspire.Web.Api;

/// <summary>Typed client for the Api (see docs/contract.md); failures come back as <see cref="ApiError"/>, never as exceptions.</summary>
public sealed partial class ApiClient(HttpClient httpClient, ILogger<ApiClient> logger)
{
    public Task<ApiResult<PagedResult<BoardDto>>> GetBoardsAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        SendAsync<PagedResult<BoardDto>>(
            HttpMethod.Get,
            string.Create(CultureInfo.InvariantCulture, $"api/boards?page={page}&pageSize={pageSize}"),
            content: null,
            cancellationToken);

    public Task<ApiResult<BoardDto>> GetBoardAsync(Guid boardId, CancellationToken cancellationToken) =>
        SendAsync<BoardDto>(HttpMethod.Get, $"api/boards/{boardId}", content: null, cancellationToken);

    public Task<ApiResult<BoardDto>> CreateBoardAsync(CreateBoardRequest request, CancellationToken cancellationToken) =>
        SendAsync<BoardDto>(HttpMethod.Post, "api/boards", JsonContent.Create(request), cancellationToken);

    public Task<ApiResult<PagedResult<WorkItemDto>>> GetWorkItemsAsync(
        Guid boardId, string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"page={page}&pageSize={pageSize}");
        if (!string.IsNullOrEmpty(status))
        {
            query += "&status=" + Uri.EscapeDataString(status);
        }

        return SendAsync<PagedResult<WorkItemDto>>(
            HttpMethod.Get, $"api/boards/{boardId}/items?{query}", content: null, cancellationToken);
    }

    public Task<ApiResult<WorkItemDto>> GetWorkItemAsync(Guid itemId, CancellationToken cancellationToken) =>
        SendAsync<WorkItemDto>(HttpMethod.Get, $"api/items/{itemId}", content: null, cancellationToken);

    public Task<ApiResult<WorkItemDto>> CreateWorkItemAsync(
        Guid boardId, CreateWorkItemRequest request, CancellationToken cancellationToken) =>
        SendAsync<WorkItemDto>(HttpMethod.Post, $"api/boards/{boardId}/items", JsonContent.Create(request), cancellationToken);

    public Task<ApiResult<WorkItemDto>> UpdateWorkItemAsync(
        Guid itemId, UpdateWorkItemRequest request, CancellationToken cancellationToken) =>
        SendAsync<WorkItemDto>(HttpMethod.Put, $"api/items/{itemId}", JsonContent.Create(request), cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string relativeUri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(relativeUri, UriKind.Relative)) { Content = content };
        try
        {
            using var response = await httpClient.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(cancellationToken);
                return value is null
                    ? Fail<T>(method, relativeUri, ApiError.Of(ApiErrorKind.Failed, "The board service sent an empty answer."))
                    : ApiResult.Success(value);
            }

            return Fail<T>(method, relativeUri, await ReadErrorAsync(response, cancellationToken));
        }
        catch (HttpRequestException exception)
        {
            LogUnreachable(logger, method, relativeUri, exception.Message);
            return ApiResult.Failure<T>(ApiError.Of(ApiErrorKind.Unavailable, ApiError.UnavailableMessage));
        }
        catch (ExecutionRejectedException exception)
        {
            // The resilience pipeline gave up (total timeout or open circuit breaker).
            LogUnreachable(logger, method, relativeUri, exception.Message);
            return ApiResult.Failure<T>(ApiError.Of(ApiErrorKind.Unavailable, ApiError.UnavailableMessage));
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, method, relativeUri, exception.Message);
            return ApiResult.Failure<T>(ApiError.Of(ApiErrorKind.Unavailable, ApiError.UnavailableMessage));
        }
        catch (JsonException exception)
        {
            LogUnreadable(logger, method, relativeUri, exception.Message);
            return ApiResult.Failure<T>(
                ApiError.Of(ApiErrorKind.Failed, "The board service sent an answer this page could not read."));
        }
    }

    private ApiResult<T> Fail<T>(HttpMethod method, string relativeUri, ApiError error)
    {
        LogFailed(logger, method, relativeUri, error.Kind);
        return ApiResult.Failure<T>(error);
    }

    private static async Task<ApiError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest:
                var problem = await TryReadValidationProblemAsync(response, cancellationToken);
                var fieldErrors = problem?.Errors ?? new Dictionary<string, string[]>();
                var message = fieldErrors.Count > 0
                    ? string.Join(" ", fieldErrors.SelectMany(field => field.Value))
                    : problem?.Detail ?? problem?.Title ?? "The board service rejected the request.";
                return new ApiError(ApiErrorKind.Validation, message, new Dictionary<string, string[]>(fieldErrors, StringComparer.OrdinalIgnoreCase));
            case HttpStatusCode.NotFound:
                return ApiError.Of(ApiErrorKind.NotFound, "It was not found. It may have been deleted.");
            case HttpStatusCode.Conflict:
                return ApiError.Of(ApiErrorKind.Conflict, ApiError.ConflictMessage);
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                return ApiError.Of(
                    ApiErrorKind.Unauthorized,
                    "The board service refused the change: this web app is not authorised to make it.");
            case HttpStatusCode.RequestEntityTooLarge:
                return ApiError.Of(ApiErrorKind.Validation, "The text you entered is too long.");
            case HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout:
                return ApiError.Of(ApiErrorKind.Unavailable, ApiError.UnavailableMessage);
            default:
                return ApiError.Of(
                    ApiErrorKind.Failed,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The board service failed (HTTP {(int)response.StatusCode}). Please try again."));
        }
    }

    private static async Task<HttpValidationProblemDetails?> TryReadValidationProblemAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Api {Method} {Uri} could not be reached: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, HttpMethod method, string uri, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Api {Method} {Uri} sent a response that could not be read: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, HttpMethod method, string uri, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Api {Method} {Uri} failed: {Kind}")]
    private static partial void LogFailed(ILogger logger, HttpMethod method, string uri, ApiErrorKind kind);
}
