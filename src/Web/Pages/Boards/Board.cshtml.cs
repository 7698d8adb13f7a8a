using AppDelivery.Aspire.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppDelivery.Aspire.Web.Pages.Boards;

public sealed class BoardModel(ApiClient api) : PageModel
{
    public const int PageSize = 50;

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    [BindProperty]
    public NewWorkItemForm NewItem { get; set; } = new();

    public BoardDto? Board { get; private set; }

    public PagedResult<WorkItemDto>? Items { get; private set; }

    /// <summary>Why the board or its items could not be shown.</summary>
    public ApiError? LoadError { get; private set; }

    /// <summary>Why adding or changing an item failed, e.g. a conflicting edit.</summary>
    public ApiError? ActionError { get; private set; }

    public Guid? FailedItemId { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateItemAsync(CancellationToken cancellationToken)
    {
        var status = string.IsNullOrEmpty(NewItem.Status) ? null : NewItem.Status;
        var description = string.IsNullOrWhiteSpace(NewItem.Description) ? null : NewItem.Description;
        var created = await api.CreateWorkItemAsync(
            Id, new CreateWorkItemRequest(NewItem.Title, description, status), cancellationToken);
        if (created.Succeeded)
        {
            TempData[StatusMessage.TempDataKey] = $"Item \"{created.Value.Title}\" added.";
            return RedirectToSelf();
        }

        if (created.Error.Kind == ApiErrorKind.Validation)
        {
            ModelState.AddApiFieldErrors(created.Error, nameof(NewItem), typeof(NewWorkItemForm));
        }
        else
        {
            ActionError = created.Error;
        }

        await LoadAsync(cancellationToken);
        if (LoadError is null)
        {
            Response.StatusCode = PageStatusCodes.For(created.Error);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostChangeStatusAsync(
        Guid itemId, int version, string? newStatus, CancellationToken cancellationToken)
    {
        var result = await ChangeStatusAsync(itemId, version, newStatus, cancellationToken);
        if (result.Succeeded)
        {
            TempData[StatusMessage.TempDataKey] =
                $"\"{result.Value.Title}\" is now {WorkItemStatusLabels.Of(result.Value.Status).ToLowerInvariant()}.";
            return RedirectToSelf();
        }

        ActionError = result.Error;
        FailedItemId = itemId;
        await LoadAsync(cancellationToken);
        if (LoadError is null)
        {
            Response.StatusCode = PageStatusCodes.For(result.Error);
        }

        return Page();
    }

    private async Task<ApiResult<WorkItemDto>> ChangeStatusAsync(
        Guid itemId, int version, string? newStatus, CancellationToken cancellationToken)
    {
        var current = await api.GetWorkItemAsync(itemId, cancellationToken);
        if (!current.Succeeded)
        {
            return current;
        }

        // The version is the one the user saw, not the one just read: a change in between must give a 409.
        var update = new UpdateWorkItemRequest(current.Value.Title, current.Value.Description, newStatus, version);
        return await api.UpdateWorkItemAsync(itemId, update, cancellationToken);
    }

    private RedirectToPageResult RedirectToSelf() =>
        RedirectToPage(new { id = Id, status = StatusFilter, pageNumber = PageNumber > 1 ? PageNumber : (int?)null });

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var board = await api.GetBoardAsync(Id, cancellationToken);
        if (!board.Succeeded)
        {
            LoadError = board.Error.Kind == ApiErrorKind.NotFound
                ? board.Error with { Message = "This board does not exist. It may have been deleted." }
                : board.Error;
            Response.StatusCode = PageStatusCodes.For(board.Error);
            return;
        }

        Board = board.Value;
        var filter = string.IsNullOrEmpty(StatusFilter) ? null : StatusFilter;
        var items = await api.GetWorkItemsAsync(Id, filter, PageNumber, PageSize, cancellationToken);
        if (items.Succeeded)
        {
            Items = items.Value;
        }
        else
        {
            LoadError = items.Error;
            Response.StatusCode = PageStatusCodes.For(items.Error);
        }
    }
}
