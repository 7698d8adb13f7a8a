using AppDelivery.Aspire;
using AppDelivery.Aspire.AppHost;
using AppDelivery.Aspire.AppHost.LocalServers;

var builder = DistributedApplication.CreateBuilder(args);

IResourceBuilder<IResourceWithConnectionString> database, cache;
if (builder.GetLocalServerMode() is LocalServerMode.Containers)
{
    database = builder.AddPostgres(ResourceNames.Postgres)
        .WithImageTag(LocalImages.PostgresTag)
        .WithRunModeDataVolume()
        .AddDatabase(ResourceNames.Database);
    cache = builder.AddValkey(ResourceNames.Cache)
        .WithImageTag(LocalImages.ValkeyTag)
        .WithRunModeDataVolume();
}
else
{
    database = builder.AddPostgresExecutable(ResourceNames.Postgres, LocalImages.PostgresTag)
        .AddDatabase(ResourceNames.Database);
    cache = builder.AddValkeyExecutable(ResourceNames.Cache, LocalImages.ValkeyTag);
}

var apiKey = builder.AddParameter(
    ResourceNames.ApiKey,
    new GenerateParameterDefault { MinLength = 32, Special = false },
    secret: true,
    persist: true);

var migrations = builder.AddProject<Projects.Migrations>(ResourceNames.Migrations)
    .WithCloudReferenceEnvironment()
    .WithReference(database)
    .WaitFor(database)
    .WithRunModeSeedData();

var api = builder.AddProject<Projects.Api>(ResourceNames.Api)
    .WithCloudReferenceEnvironment()
//#if (aws)
    .WithAwsSdkConfig()
//#endif
    .WithReference(database)
    .WithReference(cache)
    .WaitForCompletion(migrations)
    .WaitFor(cache)
    .WithEnvironment(ConfigurationKeys.ApiKeyEnvironmentVariable, apiKey)
    .WithHttpHealthCheck(HealthPaths.Readiness)
    .WithUrlLoggedWhenReady();

builder.AddProject<Projects.Web>(ResourceNames.Web)
    .WithCloudReferenceEnvironment()
    .WithReference(api)
    .WaitFor(api)
    .WithReference(cache)
    .WaitFor(cache)
    .WithEnvironment(ConfigurationKeys.ApiKeyEnvironmentVariable, apiKey)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck(HealthPaths.Readiness)
    .WithUrlLoggedWhenReady();

builder.WithRunOnceWorkloadsMarked();
builder.Build().Run();
