using System.Net;
using AppDelivery.Aspire.AppHost.LocalServers;

namespace AppDelivery.Aspire.AppHost.Tests.RunMode;

/// <summary>
/// The stack with PostgreSQL and Valkey as the containers the manifest describes. Needs Docker or Podman:
/// <c>build.sh test</c> runs this category only where one answers, and says so where none does.
/// </summary>
[Trait("Category", "Containers")]
[Collection(RunningStacks.Name)]
public sealed class ContainerStackTests
{
    [Fact]
    public async Task Stack_with_containers_serves_the_seeded_board()
    {
        using var timeout = new CancellationTokenSource(StackUnderTest.StartTimeout);
        await using var stack = await StackUnderTest.StartAsync(withDashboard: false, timeout.Token, localServers: LocalServerMode.Containers);
        await stack.App.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Web, timeout.Token);

        using var web = stack.App.CreateHttpClient(ResourceNames.Web, "http");
        using var page = await web.GetAsync("/", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Getting started", await page.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
    }
}
