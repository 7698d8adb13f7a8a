using System.Globalization;
using System.Text;
using AppDelivery.Aspire.Deploy.Model;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>
/// A workload's environment translated into AWS: plain variables (CDK tokens allowed) and ECS secrets.
/// A secret value only ever becomes an ECS secret, resolved by ECS at task start; it is never a variable.
/// </summary>
public sealed class ContainerEnvironment
{
    public const string HttpPortsVariable = "HTTP_PORTS";
    public const string DatabaseIamAuthenticationVariable = ConfigurationKeys.DatabaseIamAuthenticationEnvironmentVariable;
    public const string CacheIamAuthenticationVariable = ConfigurationKeys.CacheIamAuthenticationEnvironmentVariable;
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpEndpoint = "http://localhost:4317";

    private static readonly string ContainerPort = EndpointModel.ContainerPort.ToString(CultureInfo.InvariantCulture);

    private readonly WorkloadBindings bindings;
    private readonly WorkloadModel model;
    private readonly string workload;
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EcsSecret> secrets = new(StringComparer.Ordinal);
    private readonly HashSet<string> calledServices = new(StringComparer.Ordinal);
    private readonly HashSet<string> databaseServers = new(StringComparer.Ordinal);
    private readonly HashSet<string> databases = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedCaches = new(StringComparer.Ordinal);

    private ContainerEnvironment(WorkloadModel model, WorkloadBindings bindings)
    {
        this.model = model;
        workload = model.Name;
        this.bindings = bindings;
    }

    public IReadOnlyDictionary<string, string> Variables => variables;

    public IReadOnlyDictionary<string, EcsSecret> Secrets => secrets;

    /// <summary>PostgreSQL servers (manifest names) this workload reaches: their security groups must admit it.</summary>
    public IReadOnlySet<string> DatabaseServers => databaseServers;

    /// <summary>Databases (manifest names) whose connection string this workload gets: it is granted CONNECT on each.</summary>
    public IReadOnlySet<string> Databases => databases;

    /// <summary>Caches this workload connects to (their security groups and user groups must admit it).</summary>
    public IReadOnlySet<string> UsedCaches => usedCaches;

    /// <summary>Services this workload calls over Service Connect (their security groups must admit it).</summary>
    public IReadOnlySet<string> CalledServices => calledServices;

    public static ContainerEnvironment Translate(WorkloadModel workload, WorkloadBindings bindings, bool seedData)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(bindings);
        var environment = new ContainerEnvironment(workload, bindings);
        foreach (var variable in workload.Environment)
        {
            environment.Add(variable);
        }

        if (workload.IsProject)
        {
            environment.variables[HttpPortsVariable] = ContainerPort;
        }

        environment.variables[OtlpEndpointVariable] = OtlpEndpoint;
        environment.variables.TryAdd("OTEL_SERVICE_NAME", workload.Name);
        if (workload.Kind == WorkloadKind.Job && seedData)
        {
            environment.variables[ConfigurationKeys.MigrationsProfileEnvironmentVariable] = MigrationProfiles.Development;
        }

        if (environment.databaseServers.Count > 0)
        {
            // The connection strings carry no password: the app signs in with IAM tokens of its task role.
            environment.variables[DatabaseIamAuthenticationVariable] = "true";
            environment.variables.TryAdd("AWS_REGION", Amazon.CDK.Aws.REGION);
        }

        if (environment.usedCaches.Count > 0)
        {
            // The cache connection strings name the workload's ElastiCache user and no password: the app signs in
            // with IAM tokens of its task role, which name the cache.
            environment.variables[CacheIamAuthenticationVariable] = "true";
            foreach (var cache in environment.usedCaches)
            {
                environment.variables[ConfigurationKeys.ServerlessCacheNameEnvironmentVariable(cache)] = bindings.Caches[cache].Cache.ServerlessCacheName;
            }

            environment.variables.TryAdd("AWS_REGION", Amazon.CDK.Aws.REGION);
        }

        return environment;
    }

    private void Add(EnvironmentVariable variable)
    {
        switch (variable.Value)
        {
            case SecretValue secret:
                secrets[variable.Name] = EcsSecret.FromSecretsManager(AppSecret(variable.Name, secret.Secret), AppSecrets.ValueKey);
                break;
            case CompositeValue { IsSecret: true } composite when bindings.ComposedSecrets is { } composed:
                secrets[variable.Name] = EcsSecret.FromSecretsManager(composed.Add(workload, variable.Name, Concatenate(variable.Name, composite)));
                break;
            case CompositeValue { IsSecret: true }:
                throw new NotSupportedException(
                    $"{workload}: '{variable.Name}' mixes a secret into a longer value. ECS injects a secret only as a whole " +
                    "variable; pass the secret in its own variable and combine it in the application.");
            default:
                variables[variable.Name] = Plain(variable.Name, variable.Value);
                break;
        }
    }

    private string Plain(string name, EnvValue value) => value switch
    {
        LiteralValue literal => literal.Value,
        DatabaseConnectionStringValue connection => ConnectionString(name, connection.Database),
        DatabaseHostValue host => Server(name, host.Server).Hostname,
        DatabasePortValue port => DatabasePort(name, port.Server),
        DatabaseUserValue user => UserOf(name, user.Server),
        CacheConnectionStringValue cache => Cache(name, cache.Cache).ConnectionString(workload),
        CacheHostValue cache => Cache(name, cache.Cache).Hostname,
        CachePortValue cache => CachePort(name, cache.Cache),
        ServiceUrlValue url => ServiceUrl(name, url),
        ServiceHostValue host => Service(name, host.Workload).Name,
        ServicePortValue port => ServicePort(name, port),
        CompositeValue composite => Concatenate(name, composite),
        SecretValue secret => AppSecret(name, secret.Secret).SecretValueFromJson(AppSecrets.ValueKey).UnsafeUnwrap(), // a dynamic reference, within a composed secret only
        _ => throw new NotSupportedException($"{workload}: '{name}' has a value of unknown kind {value.GetType().Name}."),
    };

    private string Concatenate(string name, CompositeValue composite)
    {
        var builder = new StringBuilder();
        foreach (var part in composite.Parts)
        {
            builder.Append(Plain(name, part));
        }

        return builder.ToString();
    }

    private AuroraDatabase Server(string variable, string server)
    {
        var cluster = bindings.DatabaseServers.FirstOrDefault(s => s.Server.Resource == server)
            ?? throw new InvalidOperationException($"{workload}: '{variable}' refers to PostgreSQL server '{server}', which the app does not have.");
        databaseServers.Add(server);
        return cluster;
    }

    private string ConnectionString(string variable, string database)
    {
        var cluster = bindings.DatabaseServers.FirstOrDefault(s => s.Server.Databases.Any(d => d.Resource == database))
            ?? throw new InvalidOperationException($"{workload}: '{variable}' refers to database '{database}', which the app does not have.");
        Server(variable, cluster.Server.Resource);
        databases.Add(database);
        return cluster.ConnectionString(cluster.Server.Databases.Single(d => d.Resource == database).DatabaseName, workload);
    }

    private string DatabasePort(string variable, string server)
    {
        Server(variable, server);
        return AuroraDatabase.PortText;
    }

    private string UserOf(string variable, string server)
    {
        Server(variable, server);
        return AuroraDatabase.RoleOf(workload);
    }

    private string CachePort(string variable, string cache)
    {
        Cache(variable, cache);
        return ServerlessCache.PortText;
    }

    private ServerlessCache Cache(string variable, string name)
    {
        usedCaches.Add(name);
        return bindings.Caches.GetValueOrDefault(name)
            ?? throw new InvalidOperationException($"{workload}: '{variable}' refers to the cache '{name}', which the app does not have.");
    }

    private Amazon.CDK.AWS.SecretsManager.ISecret AppSecret(string variable, string name) =>
        bindings.Secrets.TryGetValue(name, out var secret)
            ? secret
            : throw new InvalidOperationException($"{workload}: '{variable}' refers to secret '{name}', which the app does not declare.");

    private string ServiceUrl(string variable, ServiceUrlValue url)
    {
        var endpoint = Endpoint(variable, Service(variable, url.Workload), url.Endpoint);
        return $"{endpoint.Scheme}://{url.Workload}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
    }

    private string ServicePort(string variable, ServicePortValue port)
    {
        // A port is not a call: it is usually the workload's own (HTTP_PORTS).
        var target = port.Workload == workload ? model : Service(variable, port.Workload, call: false);
        return Endpoint(variable, target, port.Endpoint).Port.ToString(CultureInfo.InvariantCulture);
    }

    private EndpointModel Endpoint(string variable, WorkloadModel target, string endpoint) =>
        target.Endpoints.FirstOrDefault(e => e.Name == endpoint)
        ?? throw new InvalidOperationException($"{workload}: '{variable}' refers to endpoint '{endpoint}' of '{target.Name}', which it does not have.");

    private WorkloadModel Service(string variable, string name, bool call = true)
    {
        if (!bindings.Services.TryGetValue(name, out var service))
        {
            throw new InvalidOperationException(
                $"{workload}: '{variable}' refers to '{name}', which is not a service with an endpoint.");
        }

        if (call && name != workload)
        {
            calledServices.Add(name);
        }

        return service;
    }
}
