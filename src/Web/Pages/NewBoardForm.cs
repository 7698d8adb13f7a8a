using System.ComponentModel.DataAnnotations;

namespace AppDelivery.Aspire.Web.Pages;

/// <summary>The create-board form. The Api validates it; the page shows the Api's field errors.</summary>
public sealed class NewBoardForm
{
    [Display(Name = "Board name")]
    public string? Name { get; set; }
}
