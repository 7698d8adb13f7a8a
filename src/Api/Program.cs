using AppDelivery.Aspire.Api;
using AppDelivery.Aspire.Api.Boards;
using AppDelivery.Aspire.Api.Infrastructure;
using AppDelivery.Aspire.Api.WorkItems;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimit();
app.UseApiKeyAuthentication();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapBoardsApi();
app.MapWorkItemsApi();

app.Run();

/// <summary>Entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can reach it from the tests.</summary>
public partial class Program;
