using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AppDelivery.Aspire.Web.Tests.Browser;

/// <summary>A user in Chromium working with the real Web, Api, PostgreSQL and Valkey.</summary>
[Collection(BrowserTests.Name)]
public sealed class BoardJourneyBrowserTests(LiveStackFixture stack, ITestOutputHelper output) : IClassFixture<LiveStackFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 20_000 };

    [Fact]
    public async Task A_new_board_and_a_new_item_appear_on_the_board_page()
    {
        var page = await stack.NewPageAsync();
        var boardName = UniqueName("Release");
        var itemTitle = UniqueName("Write release notes");

        await CreateBoardAsync(page, boardName);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(itemTitle);
        await page.GetByLabel("Description (optional)").FillAsync("For the November release.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = itemTitle });
        await Expect(row).ToBeVisibleAsync(Visible);
        await Expect(row).ToContainTextAsync("For the November release.");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Item \"{itemTitle}\" added.");

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "board-page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Board page screenshot: {screenshot}");

        await page.GetByRole(AriaRole.Link, new() { Name = "← All boards" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = boardName, Exact = true })).ToBeVisibleAsync(Visible);
    }

    [Fact]
    public async Task An_item_title_the_api_rejects_shows_the_error_next_to_the_title_field()
    {
        var page = await stack.NewPageAsync();
        await CreateBoardAsync(page, UniqueName("Validation"));

        // The input's maxlength stops a person from typing 201 characters; a script-set value is still submitted.
        await page.GetByLabel("Title", new() { Exact = true }).EvaluateAsync("input => input.value = 'x'.repeat(201)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();

        await Expect(page.Locator("#new-item-title-error")).ToHaveTextAsync(new Regex("200 characters"), new() { Timeout = 20_000 });
        await Expect(page.GetByText("No items yet.")).ToBeVisibleAsync(Visible);
    }

    [Fact]
    public async Task Changing_an_item_another_tab_changed_first_says_someone_else_changed_it()
    {
        var first = await stack.NewPageAsync();
        var itemTitle = UniqueName("Deploy");
        await CreateBoardAsync(first, UniqueName("Conflicts"));
        await first.GetByLabel("Title", new() { Exact = true }).FillAsync(itemTitle);
        await first.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Row).Filter(new() { HasText = itemTitle })).ToBeVisibleAsync(Visible);
        var second = await stack.NewPageAsync();
        await second.GotoAsync(first.Url);

        await ChangeStatusAsync(first, itemTitle, "Done");
        await Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("is now done");
        await ChangeStatusAsync(second, itemTitle, "In progress");

        await Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone else changed this item", new() { Timeout = 20_000 });
        await second.GetByRole(AriaRole.Link, new() { Name = "Reload this page" }).ClickAsync();
        await Expect(second.GetByLabel($"Status of {itemTitle}")).ToHaveValueAsync("done", new() { Timeout = 20_000 });
    }

    private static async Task CreateBoardAsync(IPage page, string boardName)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Board name").FillAsync(boardName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create board" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = boardName, Level = 1 })).ToBeVisibleAsync(Visible);
    }

    private static async Task ChangeStatusAsync(IPage page, string itemTitle, string statusLabel)
    {
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = itemTitle });
        await row.GetByLabel($"Status of {itemTitle}").SelectOptionAsync(new SelectOptionValue { Label = statusLabel });
        await row.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
    }

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";
}
