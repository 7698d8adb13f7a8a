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
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string OtlpEndpoint = "http://localhost:4317";

    private static readonly string ContainerPort = EndpointModel.ContainerPort.ToString(CultureInfo.InvariantCulture);

    private readonly WorkloadBindings bindings;
    private readonly string workload;
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EcsSecret> secrets = new(StringComparer.Ordinal);
    private readonly HashSet<string> calledServices = new(StringComparer.Ordinal);
    private readonly HashSet<string> databaseServers = new(StringComparer.Ordinal);
    private readonly HashSet<string> databases = new(StringComparer.Ordinal);

    private ContainerEnvironment(string workload, WorkloadBindings bindings)
    {
        this.workload = workload;
        this.bindings = bindings;
    }

    public IReadOnlyDictionary<string, string> Variables => variables;

    public IReadOnlyDictionary<string, EcsSecret> Secrets => secrets;

    /// <summary>PostgreSQL servers (manifest names) this workload reaches: their security groups must admit it.</summary>
    public IReadOnlySet<string> DatabaseServers => databaseServers;

    /// <summary>Databases (manifest names) whose connection string this workload gets: it is granted CONNECT on each.</summary>
    public IReadOnlySet<string> Databases => databases;

    public bool UsesCache { get; private set; }

    /// <summary>Services this workload calls over Service Connect (their security groups must admit it).</summary>
    public IReadOnlySet<string> CalledServices => calledServices;

    public static ContainerEnvironment Translate(WorkloadModel workload, WorkloadBindings bindings, bool seedData)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(bindings);
        var environment = new ContainerEnvironment(workload.Name, bindings);
        foreach (var variable in workload.Environment)
        {
            environment.Add(variable);
        }

        environment.variables[HttpPortsVariable] = ContainerPort;
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

        return environment;
    }

    private void Add(EnvironmentVariable variable)
    {
        switch (variable.Value)
        {
            case SecretValue secret:
                secrets[variable.Name] = EcsSecret.FromSecretsManager(AppSecret(variable.Name, secret.Secret), AppSecrets.ValueKey);
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
        CacheConnectionStringValue => Cache(name).ConnectionString,
        CacheHostValue => Cache(name).Hostname,
        CachePortValue => CachePort(name),
        ServiceUrlValue url => $"http://{Service(name, url.Workload)}:{ContainerPort}",
        ServicePortValue port => ServicePort(name, port.Workload),
        CompositeValue composite => Concatenate(name, composite),
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

    private string CachePort(string variable)
    {
        Cache(variable);
        return ServerlessCache.PortText;
    }

    private ServerlessCache Cache(string variable)
    {
        UsesCache = true;
        return bindings.Cache
            ?? throw new InvalidOperationException($"{workload}: '{variable}' refers to the cache, but the app has none.");
    }

    private Amazon.CDK.AWS.SecretsManager.Secret AppSecret(string variable, string name) =>
        bindings.Secrets.TryGetValue(name, out var secret)
            ? secret
            : throw new InvalidOperationException($"{workload}: '{variable}' refers to secret '{name}', which the app does not declare.");

    private string ServicePort(string variable, string name)
    {
        // A port is not a call: it is usually the workload's own (HTTP_PORTS).
        if (!bindings.Services.Contains(name) && name != workload)
        {
            throw new InvalidOperationException(
                $"{workload}: '{variable}' refers to '{name}', which is not a service with an HTTP endpoint.");
        }

        return ContainerPort;
    }

    private string Service(string variable, string name)
    {
        if (!bindings.Services.Contains(name))
        {
            throw new InvalidOperationException(
                $"{workload}: '{variable}' refers to '{name}', which is not a service with an HTTP endpoint.");
        }

        if (name != workload)
        {
            calledServices.Add(name);
        }

        return name;
    }
}
