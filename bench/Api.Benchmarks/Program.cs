using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using AppDelivery.Aspire;
using AppDelivery.Aspire.Api.Benchmarks;
using AppDelivery.Aspire.LocalServers;
using AppDelivery.Aspire.Migrations;
using AppDelivery.Aspire.Tests;
using Npgsql;

// ./build.sh bench [--smoke]: the Release Api against throwaway PostgreSQL and Valkey processes, loopback only.
var smoke = args.Contains("--smoke");
var runs = smoke ? 1 : 3;
var wrkDuration = TimeSpan.FromSeconds(smoke ? 1 : 5);
var fixedDuration = TimeSpan.FromSeconds(smoke ? 1 : 4);
const int Boards = 20;
const int ItemsPerBoard = 500;
const int HotItems = 1000;
// Each update scenario (c16, c64, fixed rate; per run) updates its own items, all still at version 1.
const int ItemsPerUpdateScenario = 1000;

var root = FindRepositoryRoot();
var apiDll = Path.Combine(root, "src/Api/bin/Release/net10.0/AppDelivery.Aspire.Api.dll");
var work = Directory.CreateTempSubdirectory("api-bench-").FullName;
var apiKey = Guid.NewGuid().ToString("N");
var results = new Dictionary<string, List<double>>();
void Add(string name, double value) => (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(value);

await using var postgres = await PostgresServer.StartProcessAsync();
await using var valkey = await ValkeyServer.StartProcessAsync(null);
var database = await postgres.CreateDatabaseAsync("bench");
DatabaseMigrator.Migrate(database);
var (boardIds, itemIds) = await SeedAsync(database);
var hot = itemIds.Take(HotItems).ToArray();
using var updateChunks = itemIds.Skip(HotItems).Chunk(ItemsPerUpdateScenario).GetEnumerator();
Guid[] NextUpdateItems() => updateChunks.MoveNext() && updateChunks.Current.Length == ItemsPerUpdateScenario
    ? updateChunks.Current
    : throw new InvalidOperationException("Too few seeded items for another update scenario.");
await File.WriteAllTextAsync(Path.Combine(work, "cached.lua"), RandomPathScript("/api/items/", hot.Select(id => id.ToString())));
await File.WriteAllTextAsync(Path.Combine(work, "db.lua"), RandomPathScript("/api/items/", itemIds.Select(id => id.ToString())));
await File.WriteAllTextAsync(Path.Combine(work, "list.lua"), RandomPathScript("/api/boards/", boardIds.Select(id => $"{id}/items?page=3")));
await File.WriteAllTextAsync(Path.Combine(work, "create.lua"), CreateScript(boardIds, apiKey));

var environment = new Dictionary<string, string>
{
    [$"ConnectionStrings__{ResourceNames.Database}"] = database,
    [$"ConnectionStrings__{ResourceNames.Cache}"] = valkey.ConnectionString,
    [ConfigurationKeys.ApiKeyEnvironmentVariable] = apiKey,
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["Logging__LogLevel__Default"] = "Warning",
};
// The same Api with Valkey unreachable: every item read goes to PostgreSQL (the cache counts it as a miss).
var noCache = new Dictionary<string, string>(environment) { [$"ConnectionStrings__{ResourceNames.Cache}"] = "127.0.0.1:1,abortConnect=false" };

try
{
    for (var run = 1; run <= runs; run++)
    {
        Console.WriteLine($"run {run}/{runs}");
        await using (var api = await ApiProcess.StartAsync(apiDll, environment, WriteApiError))
        {
            Add("start → healthy /health (s)", api.StartToHealthy.TotalSeconds);
            using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add(ConfigurationKeys.ApiKeyHeader, apiKey);
            foreach (var id in hot)
            {
                (await client.GetAsync(new Uri($"/api/items/{id}", UriKind.Relative))).EnsureSuccessStatusCode();
            }

            foreach (var connections in new[] { 16, 64 })
            {
                var alive = await Wrk.RequestsPerSecondAsync(new Uri(api.BaseAddress, "/alive"), connections, wrkDuration, null);
                Add($"/alive RPS c{connections}", alive);
                var update = Path.Combine(work, $"update-{run}-{connections}.lua");
                await File.WriteAllTextAsync(update, UpdateScript(NextUpdateItems(), apiKey));
                foreach (var (name, script) in new[] { ("cached item read", "cached.lua"), ("list page", "list.lua"), ("create", "create.lua"), ("update", update) })
                {
                    var rps = await Wrk.RequestsPerSecondAsync(api.BaseAddress, connections, wrkDuration, Path.Combine(work, script));
                    Add($"{name} RPS c{connections}", rps);
                    Add($"{name} ÷ /alive c{connections}", rps / alive);
                }
            }

            foreach (var rate in new[] { 500, 1000, 2000, 4000 })
            {
                Add($"cached read p99 ms @{rate}", await FixedRate.P99MillisecondsAsync(
                    client, rate, fixedDuration, i => new HttpRequestMessage(HttpMethod.Get, $"/api/items/{hot[i % hot.Length]}")));
            }

            Add("create p99 ms @500", await FixedRate.P99MillisecondsAsync(
                client, 500, fixedDuration, i => new HttpRequestMessage(HttpMethod.Post, $"/api/boards/{boardIds[i % Boards]}/items")
                {
                    Content = JsonContent.Create(new { title = $"Fixed {i}" }),
                }));
            var updateItems = NextUpdateItems();
            Add("update p99 ms @500", await FixedRate.P99MillisecondsAsync(
                client, 500, fixedDuration, i => new HttpRequestMessage(HttpMethod.Put, $"/api/items/{updateItems[i % updateItems.Length]}")
                {
                    Content = JsonContent.Create(new { title = $"Fixed {i}", status = WorkItemStatuses.InProgress, version = 1 + (i / updateItems.Length) }),
                }));
            Add("Api peak RSS (MiB)", api.PeakRssMiB);
        }

        await using (var api = await ApiProcess.StartAsync(apiDll, noCache, WriteApiError))
        {
            using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            foreach (var connections in new[] { 16, 64 })
            {
                var alive = await Wrk.RequestsPerSecondAsync(new Uri(api.BaseAddress, "/alive"), connections, wrkDuration, null);
                var rps = await Wrk.RequestsPerSecondAsync(api.BaseAddress, connections, wrkDuration, Path.Combine(work, "db.lua"));
                Add($"DB item read RPS c{connections}", rps);
                Add($"DB item read ÷ /alive c{connections}", rps / alive);
            }

            Add("DB read p99 ms @500", await FixedRate.P99MillisecondsAsync(
                client, 500, fixedDuration, i => new HttpRequestMessage(HttpMethod.Get, $"/api/items/{itemIds[(i * 7919) % itemIds.Length]}")));
        }
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

var report = Report(results, runs, smoke);
Console.WriteLine(report);
if (!smoke)
{
    await File.WriteAllTextAsync(Path.Combine(root, "docs/benchmarks.md"), report);
    Console.WriteLine("wrote docs/benchmarks.md");
}

static string Report(Dictionary<string, List<double>> results, int runs, bool smoke)
{
    var text = new StringBuilder();
    text.AppendLine("# Api benchmark").AppendLine();
    text.AppendLine(CultureInfo.InvariantCulture, $"Written by `./build.sh bench`{(smoke ? " --smoke" : string.Empty)} on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {runs} run(s).");
    text.AppendLine("Api in Release (Production, logging at Warning) as its own process; PostgreSQL 15 and Valkey 8 as throwaway local processes;");
    text.AppendLine(CultureInfo.InvariantCulture, $"{Boards * ItemsPerBoard} items over {Boards} boards. Throughput: wrk -t2, closed loop; p99: open loop from .NET with HdrHistogram, latency from each request's scheduled time.");
    text.AppendLine("Load generator, Api and servers share the same cores, so ratios to `/alive` of the same run are what to compare.").AppendLine();
    text.AppendLine("| figure | min | median | max |").AppendLine("|---|---:|---:|---:|");
    foreach (var (name, values) in results)
    {
        values.Sort();
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {values[0]:0.###} | {values[values.Count / 2]:0.###} | {values[^1]:0.###} |");
    }

    return text.ToString();
}

static async Task<(Guid[] Boards, Guid[] Items)> SeedAsync(string connectionString)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using (var seed = new NpgsqlCommand(
        $"""
        INSERT INTO boards (id, name) SELECT gen_random_uuid(), 'Board ' || b FROM generate_series(1, {Boards}) b;
        INSERT INTO work_items (id, board_id, title, description)
        SELECT gen_random_uuid(), boards.id, 'Item ' || i, 'Seeded for the benchmark' FROM boards, generate_series(1, {ItemsPerBoard}) i;
        ANALYZE;
        """, connection))
    {
        await seed.ExecuteNonQueryAsync();
    }

    var boards = new List<Guid>();
    var items = new List<Guid>();
    await using (var read = new NpgsqlCommand("SELECT id FROM boards ORDER BY id", connection))
    await using (var reader = await read.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            boards.Add(reader.GetGuid(0));
        }
    }

    await using (var read = new NpgsqlCommand("SELECT id FROM work_items ORDER BY random()", connection))
    await using (var reader = await read.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            items.Add(reader.GetGuid(0));
        }
    }

    return ([.. boards], [.. items]);
}

static string RandomPathScript(string prefix, IEnumerable<string> suffixes) =>
    $$"""
    local paths = { {{string.Join(",", suffixes.Select(suffix => $"\"{prefix}{suffix}\""))}} }
    request = function() return wrk.format("GET", paths[math.random(#paths)]) end
    """;

static string CreateScript(IReadOnlyList<Guid> boards, string apiKey) =>
    $$"""
    local paths = { {{string.Join(",", boards.Select(id => $"\"/api/boards/{id}/items\""))}} }
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["{{ConfigurationKeys.ApiKeyHeader}}"] = "{{apiKey}}"
    wrk.body = '{"title":"Created by wrk"}'
    request = function() return wrk.format(nil, paths[math.random(#paths)]) end
    """;

// Each wrk thread updates its own share of the items in turn and sends the version the last answer for that item
// returned (seeded items are at version 1); a thread has fewer connections than items, so its updates of one item
// never overlap.
static string UpdateScript(IReadOnlyList<Guid> items, string apiKey) =>
    $$"""
    local ids = { {{string.Join(",", items.Select(id => $"\"{id}\""))}} }
    local next_thread = 0
    function setup(thread)
      thread:set("thread_index", next_thread)
      next_thread = next_thread + 1
    end
    function init(args)
      mine = {}
      versions = {}
      for k = thread_index + 1, #ids, {{Wrk.Threads}} do
        mine[#mine + 1] = ids[k]
        versions[ids[k]] = 1
      end
      sent = 0
    end
    wrk.method = "PUT"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["{{ConfigurationKeys.ApiKeyHeader}}"] = "{{apiKey}}"
    request = function()
      local id = mine[(sent % #mine) + 1]
      sent = sent + 1
      return wrk.format(nil, "/api/items/" .. id, nil, '{"title":"Updated by wrk","status":"{{WorkItemStatuses.InProgress}}","version":' .. versions[id] .. '}')
    end
    response = function(status, headers, body)
      local id, version = body:match('"id":"([^"]+)"'), body:match('"version":(%d+)')
      if status == 200 and id and version then versions[id] = tonumber(version) end
    end
    """;

static void WriteApiError(string line) => Console.Error.WriteLine($"  api: {line}");

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "AppDelivery.Aspire.slnx")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException($"No AppDelivery.Aspire.slnx above {AppContext.BaseDirectory}: run from inside the repository.");
}
