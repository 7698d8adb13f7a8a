using AppDelivery.Aspire.Migrations;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

using var host = builder.Build();
return await host.RunMigrationsAsync();

// Internal, unlike a web app's Program: the test projects reference this runner beside the Api and take the Api's.
internal partial class Program;
