using AppDelivery.Aspire;
using AppDelivery.Aspire.AppHost;
using AppDelivery.Aspire.AppHost.LocalServers;

var builder = DistributedApplication.CreateBuilder(args);
//#if (aws)
builder.AddAwsDeploymentPipeline();
//#endif

IResourceBuilder<IResourceWithConnectionString> database;
//#if (valkey)
IResourceBuilder<IResourceWithConnectionString> cache;
//#endif
if (builder.GetLocalServerMode() is LocalServerMode.Containers)
{
    database = builder.AddPostgres(ResourceNames.Postgres)
        .WithImageTag(LocalImages.PostgresTag)
        .WithRunModeDataVolume()
        .AddDatabase(ResourceNames.Database);
//#if (valkey)
    cache = builder.AddValkey(ResourceNames.Cache)
        .WithImageTag(LocalImages.ValkeyTag)
        .WithRunModeDataVolume();
//#endif
}
else
{
    database = builder.AddPostgresExecutable(ResourceNames.Postgres, LocalImages.PostgresTag)
        .AddDatabase(ResourceNames.Database);
//#if (valkey)
    cache = builder.AddValkeyExecutable(ResourceNames.Cache, LocalImages.ValkeyTag);
//#endif
}

var apiKey = builder.AddParameter(
    ResourceNames.ApiKey,
    new GenerateParameterDefault { MinLength = 32, Special = false },
    secret: true,
    persist: true);

var migrations = builder.AddProject<Projects.Migrations>(ResourceNames.Migrations)
    .WithCloudReferenceEnvironment()
    .WithReference(database)
//#if (seedData)
    .WithRunModeSeedData()
//#endif
    .WaitFor(database);

var api = builder.AddProject<Projects.Api>(ResourceNames.Api)
    .WithCloudReferenceEnvironment()
//#if (aws)
    .WithAwsSdkConfig()
//#endif
    .WithReference(database)
//#if (cache)
    .WithReference(cache)
    .WaitFor(cache)
//#endif
    .WaitForCompletion(migrations)
    .WithEnvironment(ConfigurationKeys.ApiKeyEnvironmentVariable, apiKey)
#if (apiOnly)
    .WithExternalHttpEndpoints()
#endif
    .WithHttpHealthCheck(HealthPaths.Readiness)
    .WithUrlLoggedWhenReady();

//#if (web)
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
//#endif

builder.WithRunOnceWorkloadsMarked();
builder.Build().Run();
