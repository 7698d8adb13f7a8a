using AppDelivery.Aspire.Api.Infrastructure;
using AppDelivery.Aspire.Api.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AppDelivery.Aspire.Api.Boards;

internal static class BoardsApi
{
    public static IEndpointRouteBuilder MapBoardsApi(this IEndpointRouteBuilder endpoints)
    {
        var boards = endpoints.MapGroup("/api/boards").WithTags("Boards");

        boards.MapGet("", ListBoardsAsync).WithName("ListBoards");
        boards.MapGet("/{id:guid}", GetBoardAsync).WithName("GetBoard");
        boards.MapPost("", CreateBoardAsync).WithName("CreateBoard").RequireApiKey();

        return endpoints;
    }

    public static async Task<Results<Ok<PagedResult<BoardDto>>, ValidationProblem>> ListBoardsAsync(
        int? page, int? pageSize, BoardService boards, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageRequest = PageRequest.FromQuery(page, pageSize, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await boards.ListAsync(pageRequest, cancellationToken));
    }

    public static async Task<Results<Ok<BoardDto>, NotFound>> GetBoardAsync(
        Guid id, BoardService boards, CancellationToken cancellationToken) =>
        await boards.FindAsync(id, cancellationToken) is { } board
            ? TypedResults.Ok(board)
            : TypedResults.NotFound();

    public static async Task<Results<Created<BoardDto>, ValidationProblem>> CreateBoardAsync(
        CreateBoardRequest request, BoardService boards, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var board = await boards.CreateAsync(request.Name!, cancellationToken);
        return TypedResults.Created($"/api/boards/{board.Id}", board);
    }
}
