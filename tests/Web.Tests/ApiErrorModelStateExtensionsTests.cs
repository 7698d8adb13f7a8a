using AppDelivery.Aspire.Web.Api;
using AppDelivery.Aspire.Web.Pages.Boards;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AppDelivery.Aspire.Web.Tests;

public sealed class ApiErrorModelStateExtensionsTests
{
    [Fact]
    public void Puts_a_field_error_under_the_form_property_it_names()
    {
        var modelState = new ModelStateDictionary();
        var error = new ApiError(
            ApiErrorKind.Validation, "ignored", new Dictionary<string, string[]> { ["title"] = ["Too long."] });

        modelState.AddApiFieldErrors(error, "NewItem", typeof(NewWorkItemForm));

        Assert.Equal("Too long.", Assert.Single(modelState["NewItem.Title"]!.Errors).ErrorMessage);
        Assert.Equal(1, modelState.ErrorCount);
    }

    [Fact]
    public void Puts_an_error_for_a_field_the_form_lacks_on_the_form_as_a_whole()
    {
        var modelState = new ModelStateDictionary();
        var error = new ApiError(
            ApiErrorKind.Validation, "ignored", new Dictionary<string, string[]> { ["body"] = ["Malformed JSON."] });

        modelState.AddApiFieldErrors(error, "NewItem", typeof(NewWorkItemForm));

        Assert.Equal("Malformed JSON.", Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
    }

    [Fact]
    public void Puts_the_message_on_the_form_when_there_are_no_field_errors()
    {
        var modelState = new ModelStateDictionary();

        modelState.AddApiFieldErrors(ApiError.Of(ApiErrorKind.Validation, "The text you entered is too long."), "NewItem", typeof(NewWorkItemForm));

        Assert.Equal("The text you entered is too long.", Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
    }
}
