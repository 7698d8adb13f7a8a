using System.ComponentModel.DataAnnotations;

namespace AppDelivery.Aspire.Web.Pages.Boards;

/// <summary>The create-item form. The Api validates it; the page shows the Api's field errors.</summary>
public sealed class NewWorkItemForm
{
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Description (optional)")]
    public string? Description { get; set; }

    [Display(Name = "Status")]
    public string? Status { get; set; }
}
