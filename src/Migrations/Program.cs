using AppDelivery.Aspire.Migrations;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();

using var host = builder.Build();
return await host.RunMigrationsAsync();
