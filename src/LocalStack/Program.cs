using AppDelivery.Aspire;
using AppDelivery.Aspire.LocalServers;
using AppDelivery.Aspire.LocalStack;

// The local stack without containers: what the AppHost starts, as plain processes, in the same order
// (Migrations must exit 0 before Api starts). Ctrl+C stops everything this started.
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopping.Cancel(); };

await using var postgres = await PostgresServer.StartAsync(stopping.Token);
var database = await postgres.CreateDatabaseAsync(ResourceNames.Database);
await using var cache = await ValkeyServer.StartAsync(options: null, stopping.Token);
Console.WriteLine($"PostgreSQL and Valkey are running (data is thrown away on exit).");

var environment = new LocalEnvironment(database, cache.ConnectionString);
var migrationsExitCode = await ServiceProcess.RunToCompletionAsync(BuiltProject.Migrations, environment.ForMigrations(), stopping.Token);
if (migrationsExitCode != 0)
{
    Console.Error.WriteLine($"Migrations exited with {migrationsExitCode}: Api and Web are not started.");
    return 1;
}

await using var api = ServiceProcess.Start(BuiltProject.Api, environment.ForApi());
await using var web = ServiceProcess.Start(BuiltProject.Web, environment.ForWeb(api.Url));
Console.WriteLine($"Api: {api.Url}/openapi/v1.json   Web: {web.Url}   (Ctrl+C to stop)");

await Task.WhenAny(api.Exited, web.Exited, Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default));
return stopping.IsCancellationRequested ? 0 : 1;
