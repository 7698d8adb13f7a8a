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
    public async Task Stack_with_containers_serves_the_boards()
    {
        using var timeout = new CancellationTokenSource(StackUnderTest.StartTimeout);
        await using var stack = await StackUnderTest.StartAsync(withDashboard: false, timeout.Token, localServers: LocalServerMode.Containers);
        await stack.App.ResourceNotifications.WaitForResourceHealthyAsync(FrontDoor.Resource, timeout.Token);

        using var frontDoor = stack.App.CreateHttpClient(FrontDoor.Resource, "http");
        using var page = await frontDoor.GetAsync(FrontDoor.BoardsPath, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
//#if (seedData)
        Assert.Contains(FrontDoor.SeededBoard, await page.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
//#endif
    }
}
