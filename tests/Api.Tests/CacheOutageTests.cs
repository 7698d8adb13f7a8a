using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AppDelivery.Aspire.Api.Tests.Infrastructure;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>
/// Valkey dies mid-test (alone, and under a steady 300 requests per second): reads fall back to PostgreSQL quickly, writes still succeed, readiness reports
/// Degraded with HTTP 200 and liveness stays up; once Valkey is back the cache recovers.
/// A class of its own because stopping the server would disturb other tests sharing the fixture.
/// </summary>
public abstract class CacheOutageTests(ApiFixture fixture)
{
    // Far above the 1 s cache timeouts: a read must not wait for Valkey's reconnection.
    private static readonly TimeSpan FallbackBudget = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Reads_fall_back_to_PostgreSQL_and_health_is_degraded_while_Valkey_is_down()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var item = await client.CreateWorkItemAsync(board.Id, "Before outage");
        await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthProbe.GetAsync(client));

        await fixture.Valkey.StopAsync();
        try
        {
            Assert.Equal(1, await fixture.ExecuteSqlAsync("UPDATE work_items SET title = 'Changed during outage' WHERE id = $1", item.Id));
            var stopwatch = Stopwatch.StartNew();
            var fromDatabase = await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");
            var list = await client.GetOkAsync<PagedResult<WorkItemDto>>($"/api/boards/{board.Id}/items");
            await client.GetOkAsync<BoardDto>($"/api/boards/{board.Id}");
            stopwatch.Stop();

            var created = await client.CreateWorkItemAsync(board.Id, "Written during outage");
            using var update = await client.PutAsJsonAsync(
                $"/api/items/{item.Id}", new { title = "Updated during outage", status = "done", version = item.Version });

            Assert.Equal("Changed during outage", fromDatabase.Title);
            Assert.Equal(1, list.TotalCount);
            Assert.True(stopwatch.Elapsed < FallbackBudget, $"Reads took {stopwatch.Elapsed} with Valkey down.");
            Assert.Equal(board.Id, created.BoardId);
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
            Assert.Equal((HttpStatusCode.OK, "Degraded"), await HealthProbe.GetAsync(client));
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthProbe.GetAsync(client, "/alive"));
        }
        finally
        {
            await fixture.Valkey.StartAsync();
        }

        await HealthProbe.WaitForStatusAsync(client, "Healthy", RecoveryTimeout);
        var afterRecovery = await client.GetOkAsync<WorkItemDto>($"/api/items/{item.Id}");
        Assert.Equal("Updated during outage", afterRecovery.Title);
    }

    [Fact]
    public async Task Under_steady_load_reads_keep_succeeding_from_PostgreSQL_while_Valkey_is_down()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync();
        var items = new List<WorkItemDto>();
        for (var i = 0; i < 20; i++)
        {
            items.Add(await client.CreateWorkItemAsync(board.Id, $"Item {i}"));
        }

        var load = SteadyLoad.Start(client, requestsPerSecond: 300, TimeSpan.FromSeconds(8), index => (index % 5) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{board.Id}/items") { Content = JsonContent.Create(new { title = $"Load {index}" }) },
            1 => new HttpRequestMessage(HttpMethod.Get, $"/api/boards/{board.Id}/items?page={(index % 7) + 1}"),
            _ => new HttpRequestMessage(HttpMethod.Get, $"/api/items/{items[index % items.Count].Id}"),
        });
        string degradedStatus;
        try
        {
            await load.WaitForCompletedAsync(600, RecoveryTimeout);
            await fixture.Valkey.StopAsync();
            await load.WaitForCompletedAsync(load.Completed + 600, RecoveryTimeout);
            (_, degradedStatus) = await HealthProbe.GetAsync(client);
        }
        finally
        {
            await fixture.Valkey.StartAsync();
        }

        var samples = await load.Finished.WaitAsync(RecoveryTimeout);
        var failed = samples.Where(sample => sample.Status is null or >= HttpStatusCode.InternalServerError)
            .Select(sample => $"{sample.Method} {sample.Status}{sample.Error} after {sample.Latency}").ToArray();

        Assert.Empty(failed);
        Assert.Equal("Degraded", degradedStatus);
        await HealthProbe.WaitForStatusAsync(client, "Healthy", RecoveryTimeout);
    }
}

public sealed class StandaloneCacheOutageTests(StandaloneApiFixture fixture) : CacheOutageTests(fixture), IClassFixture<StandaloneApiFixture>;

public sealed class ClusterCacheOutageTests(ClusterApiFixture fixture) : CacheOutageTests(fixture), IClassFixture<ClusterApiFixture>;
