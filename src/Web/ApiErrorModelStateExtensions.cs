using AppDelivery.Aspire.Web.Api;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AppDelivery.Aspire.Web;

public static class ApiErrorModelStateExtensions
{
    /// <summary>
    /// Puts the Api's field errors next to the form fields they name: the Api's <c>title</c> becomes
    /// <c>{prefix}.Title</c> when the form model has that property; other errors go to the form as a whole.
    /// </summary>
    public static void AddApiFieldErrors(this ModelStateDictionary modelState, ApiError error, string prefix, Type formModel)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(formModel);

        foreach (var (field, messages) in error.FieldErrors)
        {
            var property = formModel.GetProperty(
                field,
                System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase);
            var key = property is null ? string.Empty : $"{prefix}.{property.Name}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }

        if (error.FieldErrors.Count == 0)
        {
            modelState.AddModelError(string.Empty, error.Message);
        }
    }
}
