using System.Net;
using System.Net.Http.Json;
using AppDelivery.Aspire.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AppDelivery.Aspire.Api.Tests;

/// <summary>
/// PostgreSQL refuses, stops and restarts under the Api: requests it cannot serve get 503 with Retry-After and a
/// ProblemDetails body (never 500, never a hang), and every create acknowledged with 201 is in the database.
/// </summary>
public sealed class DatabaseOutageTests(OwnPostgresApiFixture fixture) : IClassFixture<OwnPostgresApiFixture>
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Requests_get_503_with_Retry_After_when_PostgreSQL_has_no_connection_slots_left()
    {
        using var client = fixture.CreateClient();
        await client.GetOkAsync<PagedResult<BoardDto>>("/api/boards");
        fixture.Factory.Services.GetRequiredService<NpgsqlDataSource>().Clear();

        var held = new List<NpgsqlConnection>();
        try
        {
            PostgresException? refusal = null;
            while (refusal is null && held.Count <= OwnPostgresApiFixture.MaxConnections)
            {
                var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(fixture.DatabaseConnectionString) { Pooling = false }.ConnectionString);
                try
                {
                    await connection.OpenAsync();
                    held.Add(connection);
                }
                catch (PostgresException exception)
                {
                    await connection.DisposeAsync();
                    refusal = exception;
                }
            }

            Assert.Equal(PostgresErrorCodes.TooManyConnections, refusal?.SqlState);
            using var read = await client.GetAsync("/api/boards");
            using var write = await client.PostAsJsonAsync("/api/boards", new { name = "Refused" });

            await AssertUnavailableAsync(read);
            await AssertUnavailableAsync(write);
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }

        await client.GetOkAsync<PagedResult<BoardDto>>("/api/boards");
    }

    [Fact]
    public async Task Under_steady_load_a_PostgreSQL_restart_gives_503s_no_hangs_and_loses_no_acknowledged_create()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync("Restart under load");
        var items = new List<WorkItemDto>();
        for (var i = 0; i < 20; i++)
        {
            items.Add(await client.CreateWorkItemAsync(board.Id, $"Seed {i}"));
        }

        var load = SteadyLoad.Start(client, requestsPerSecond: 300, TimeSpan.FromSeconds(10), index => (index % 5) switch
        {
            0 => new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{board.Id}/items") { Content = JsonContent.Create(new { title = $"Load {index}" }) },
            1 => new HttpRequestMessage(HttpMethod.Get, $"/api/boards/{board.Id}/items?page={(index % 7) + 1}"),
            2 => new HttpRequestMessage(HttpMethod.Get, "/api/boards"),
            _ => new HttpRequestMessage(HttpMethod.Get, $"/api/items/{items[index % items.Count].Id}"),
        });
        try
        {
            await load.WaitForCompletedAsync(600, RecoveryTimeout);
            await fixture.OwnPostgres.StopAsync();
            await load.WaitForCompletedAsync(load.Completed + 300, RecoveryTimeout);
        }
        finally
        {
            await fixture.OwnPostgres.RestartAsync();
        }

        var samples = await load.Finished.WaitAsync(RecoveryTimeout);
        var created = samples.Where(sample => sample.CreatedId is not null).Select(sample => sample.CreatedId!.Value).ToArray();
        var stored = await CountStoredAsync(created);

        var failed = samples.Where(sample => sample.Error is not null).Select(sample => $"{sample.Method} {sample.Error} after {sample.Latency}").ToArray();
        var unexpected = samples.Select(sample => sample.Status!.Value)
            .Where(status => status is not (HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable)).ToArray();
        Assert.Empty(failed);
        Assert.Empty(unexpected);
        Assert.Contains(samples, sample => sample.Status == HttpStatusCode.ServiceUnavailable);
        Assert.Contains(samples, sample => sample.Status == HttpStatusCode.Created);
        Assert.Equal(created.Length, stored);
        Assert.All(samples, sample => Assert.True(sample.Latency < SteadyLoad.RequestTimeout, $"{sample.Method} took {sample.Latency}."));
        await PollUntilOkAsync(client, "/api/boards");
    }

    [Fact]
    public async Task Requests_get_503_while_PostgreSQL_is_stopped_and_succeed_once_it_is_back()
    {
        using var client = fixture.CreateClient();
        var board = await client.CreateBoardAsync("Before the stop");

        await fixture.OwnPostgres.StopAsync();
        try
        {
            using var read = await client.GetAsync("/api/boards");
            using var write = await client.PostAsJsonAsync($"/api/boards/{board.Id}/items", new { title = "While stopped" });

            await AssertUnavailableAsync(read);
            await AssertUnavailableAsync(write);
        }
        finally
        {
            await fixture.OwnPostgres.RestartAsync();
        }

        await PollUntilOkAsync(client, "/api/boards");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/boards/{board.Id}/items", new { title = "After restart" })).StatusCode);
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Database unavailable", problem.Title);
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
    }

    /// <summary>The first requests after a restart may still meet pooled connections the restart broke (503).</summary>
    private static async Task PollUntilOkAsync(HttpClient client, string path)
    {
        using var deadline = new CancellationTokenSource(RecoveryTimeout);
        HttpStatusCode last;
        do
        {
            using var response = await client.GetAsync(path, CancellationToken.None);
            last = response.StatusCode;
            Assert.True(last is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{path} answered {last}.");
            if (last == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
        while (!deadline.IsCancellationRequested);

        Assert.Fail($"{path} did not answer 200 within {RecoveryTimeout}; last {last}.");
    }

    private async Task<long> CountStoredAsync(Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(fixture.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM work_items WHERE id = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
