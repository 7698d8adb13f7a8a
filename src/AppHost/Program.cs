using AppDelivery.Aspire;
using AppDelivery.Aspire.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres(ResourceNames.Postgres)
    .WithImageTag(LocalImages.PostgresTag)
    .WithRunModeDataVolume();
var database = postgres.AddDatabase(ResourceNames.Database);

var cache = builder.AddValkey(ResourceNames.Cache)
    .WithRunModeDataVolume();

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
    .WithReference(database)
    .WithReference(cache)
    .WaitForCompletion(migrations)
    .WaitFor(cache)
    .WithEnvironment(ConfigurationKeys.ApiKeyEnvironmentVariable, apiKey)
    .WithHttpHealthCheck("/health")
    .WithAwsSdkConfig();

builder.AddProject<Projects.Web>(ResourceNames.Web)
    .WithCloudReferenceEnvironment()
    .WithReference(api)
    .WaitFor(api)
    .WithReference(cache)
    .WaitFor(cache)
    .WithEnvironment(ConfigurationKeys.ApiKeyEnvironmentVariable, apiKey)
    .WithExternalHttpEndpoints()
    .WithHttpHealthCheck("/health");

builder.Build().Run();
