using AppDelivery.Aspire.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AppDelivery.Aspire.Web.Pages;

public sealed class IndexModel(ApiClient api) : PageModel
{
    public const int PageSize = 20;

    [BindProperty]
    public NewBoardForm NewBoard { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int PageNumber { get; set; } = 1;

    public PagedResult<BoardDto>? Boards { get; private set; }

    public ApiError? LoadError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadBoardsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var created = await api.CreateBoardAsync(new CreateBoardRequest(NewBoard.Name), cancellationToken);
        if (created.Succeeded)
        {
            TempData[StatusMessage.TempDataKey] = $"Board \"{created.Value.Name}\" created.";
            return RedirectToPage("/Boards/Board", new { id = created.Value.Id });
        }

        ModelState.AddApiFieldErrors(created.Error, nameof(NewBoard), typeof(NewBoardForm));
        await LoadBoardsAsync(cancellationToken);
        if (LoadError is null)
        {
            Response.StatusCode = PageStatusCodes.For(created.Error);
        }

        return Page();
    }

    private async Task LoadBoardsAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        var boards = await api.GetBoardsAsync(PageNumber, PageSize, cancellationToken);
        if (boards.Succeeded)
        {
            Boards = boards.Value;
        }
        else
        {
            LoadError = boards.Error;
            Response.StatusCode = PageStatusCodes.For(boards.Error);
        }
    }
}
