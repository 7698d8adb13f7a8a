using AppDelivery.Aspire;
using AppDelivery.Aspire.AppHost;
using AppDelivery.Aspire.AppHost.LocalServers;

var builder = DistributedApplication.CreateBuilder(args);
//#if (aws)
builder.AddAwsDeploymentPipeline();
//#endif

var localServers = builder.GetLocalServerMode();
var postgres = builder.AddLocalPostgres(ResourceNames.Postgres, localServers);
var database = postgres.AddDatabase(ResourceNames.Database);
//#if (valkey)
var cache = builder.AddLocalValkey(ResourceNames.Cache, localServers);
//#endif

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
