using AppDelivery.Aspire.Api.Infrastructure;
using AppDelivery.Aspire.Api.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AppDelivery.Aspire.Api.WorkItems;

internal static class WorkItemsApi
{
    public static IEndpointRouteBuilder MapWorkItemsApi(this IEndpointRouteBuilder endpoints)
    {
        var boardItems = endpoints.MapGroup("/api/boards/{boardId:guid}/items").WithTags("WorkItems");
        boardItems.MapGet("", ListWorkItemsAsync).WithName("ListWorkItems");
        boardItems.MapPost("", CreateWorkItemAsync).WithName("CreateWorkItem").RequireApiKey();

        var items = endpoints.MapGroup("/api/items").WithTags("WorkItems");
        items.MapGet("/{id:guid}", GetWorkItemAsync).WithName("GetWorkItem").Produces<WorkItemDto>();
        items.MapPut("/{id:guid}", UpdateWorkItemAsync).WithName("UpdateWorkItem").RequireApiKey()
            .ProducesProblem(StatusCodes.Status409Conflict);
        items.MapDelete("/{id:guid}", DeleteWorkItemAsync).WithName("DeleteWorkItem").RequireApiKey();

        return endpoints;
    }

    public static async Task<Results<Ok<PagedResult<WorkItemDto>>, ValidationProblem, NotFound>> ListWorkItemsAsync(
        Guid boardId, string? status, int? page, int? pageSize, WorkItemService workItems, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageRequest = PageRequest.FromQuery(page, pageSize, errors);
        if (status is not null)
        {
            RequestValidation.ValidateStatus(status, errors);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await workItems.ListAsync(boardId, status, pageRequest, cancellationToken) is { } result
            ? TypedResults.Ok(result)
            : TypedResults.NotFound();
    }

    public static async Task<Results<Created<WorkItemDto>, ValidationProblem, NotFound>> CreateWorkItemAsync(
        Guid boardId, CreateWorkItemRequest request, WorkItemService workItems, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await workItems.CreateAsync(boardId, request, cancellationToken) is { } item
            ? TypedResults.Created($"/api/items/{item.Id}", item)
            : TypedResults.NotFound();
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetWorkItemAsync(
        Guid id, WorkItemService workItems, CancellationToken cancellationToken) =>
        await workItems.FindJsonAsync(id, cancellationToken) is { } json
            ? TypedResults.Bytes(json, "application/json")
            : TypedResults.NotFound();

    public static async Task<Results<Ok<WorkItemDto>, ValidationProblem, NotFound, ProblemHttpResult>> UpdateWorkItemAsync(
        Guid id, UpdateWorkItemRequest request, WorkItemService workItems, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await workItems.UpdateAsync(id, request, cancellationToken);
        if (result.Updated is { } updated)
        {
            return TypedResults.Ok(updated);
        }

        return result.IsConflict
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Version conflict",
                detail: $"The item was changed by another request: version {request.Version} is stale, "
                    + $"the current version is {result.CurrentVersion}. Reload the item and retry.",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = result.CurrentVersion })
            : TypedResults.NotFound();
    }

    public static async Task<Results<NoContent, NotFound>> DeleteWorkItemAsync(
        Guid id, WorkItemService workItems, CancellationToken cancellationToken) =>
        await workItems.DeleteAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
}
