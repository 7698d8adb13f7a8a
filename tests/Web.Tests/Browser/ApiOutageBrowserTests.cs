using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AppDelivery.Aspire.Web.Tests.Browser;

/// <summary>The Api goes away under a running Web: the user gets a clear message, never an error page.</summary>
[Collection(BrowserTests.Name)]
public sealed class ApiOutageBrowserTests(LiveStackFixture stack) : IClassFixture<LiveStackFixture>
{
    [Fact]
    public async Task With_the_api_stopped_the_board_page_and_its_form_show_a_friendly_message()
    {
        var page = await stack.NewPageAsync();
        var boardName = $"Outage {Guid.NewGuid().ToString("N")[..8]}";
        await page.GotoAsync("/");
        await page.GetByLabel("Board name").FillAsync(boardName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create board" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = boardName })).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await stack.StopApiAsync();

        await page.GetByLabel("Title", new() { Exact = true }).FillAsync("Written during the outage");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert).First)
            .ToContainTextAsync(Api.ApiError.UnavailableMessage, new() { Timeout = 30_000 });

        var reload = await page.ReloadAsync();
        Assert.Equal(503, reload?.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(Api.ApiError.UnavailableMessage);
        Assert.DoesNotContain("Exception", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
