var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebFrontend();

var app = builder.Build();

app.UseWebFrontend();
app.MapDefaultEndpoints();

app.Run();
