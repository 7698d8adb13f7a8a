using System.Text.Json;
using System.Text.RegularExpressions;
using AppDelivery.Aspire.Deploy.Model;
using AppDelivery.Aspire.Deploy.Settings;

namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>
/// Builds the <see cref="ApplicationModel"/> from an <c>aspire-manifest.json</c> (Aspire 8.x to 13.x).
/// A run-once job is a workload the AppHost marks with <see cref="ConfigurationKeys.RunOnceEnvironmentVariable"/>
/// (the manifest has no WaitForCompletion), or one named in <see cref="DeploymentSettings.Jobs"/> for manifests
/// written by other AppHosts.
/// </summary>
public static partial class ManifestReader
{
    /// <summary>Highest PostgreSQL major Aurora runs; a newer local image would not match AWS.</summary>
    public const int MaxPostgresMajor = 17;

    /// <summary>Oldest PostgreSQL major the stacks deploy (Aurora Serverless v2 engine versions mapped: 16, 17).</summary>
    public const int MinPostgresMajor = 16;

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <exception cref="ManifestException">Missing file, invalid JSON, or a resource with no AWS mapping.</exception>
    /// <exception cref="SettingsException">A job or sized service of the settings that the manifest lacks.</exception>
    public static ManifestReadResult Read(string path, DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ManifestException(path, null, "file", "not found");
        }

        return Parse(File.ReadAllText(path), path, settings);
    }

    /// <param name="file">Named in errors and warnings.</param>
    public static ManifestReadResult Parse(string json, string file, DeploymentSettings settings)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(settings);

        using var document = ParseJson(json, file);
        var warnings = new List<ManifestWarning>();
        var resources = ParseResources(document.RootElement, file, warnings);

        var roles = new Dictionary<string, CredentialBinding>(StringComparer.Ordinal);
        var servers = resources.Values.OfType<ManifestPostgresServer>()
            .Select(server => ToDatabaseServer(server, resources, roles, file, warnings))
            .ToList();

        var caches = new List<CacheModel>();
        foreach (var cache in resources.Values.OfType<ManifestCacheServer>())
        {
            BindCacheCredentials(cache, resources, roles);
            if (cache.Engine == "redis")
            {
                warnings.Add(new ManifestWarning(file, ManifestPaths.Of(cache.Name, "image"),
                    "a Redis container is deployed as ElastiCache Serverless for Valkey (same protocol)"));
            }

            caches.Add(new CacheModel(cache.Name, cache.Engine));
        }

        CheckJobs(settings, resources, file);
        var resolver = new EnvValueResolver(file, resources, roles, servers, warnings);
        var workloads = resources.Values
            .Select(resource => resource switch
            {
                ManifestProject project => ToWorkload(project.Name, new ProjectImage(project.Path), project.Env, project.Bindings, settings, resolver),
                ManifestContainer container => ToWorkload(container.Name, container.Image, container.Env, container.Bindings, settings, resolver) with
                {
                    Args = container.Args,
                    Entrypoint = container.Entrypoint,
                },
                _ => null,
            })
            .OfType<WorkloadModel>()
            .ToList();
        CheckSizedServices(settings, workloads, file);
        CheckPublicEntryPoints(settings, workloads, file);

        return new ManifestReadResult(new ApplicationModel(workloads, servers, caches, resolver.Secrets), warnings);
    }

    private static JsonDocument ParseJson(string json, string file)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new ManifestException(file, null, $"line {(e.LineNumber ?? 0) + 1}",
                "invalid JSON: " + (cut < 0 ? message : message[..cut]).TrimEnd(' ', '|', '.'), e);
        }
    }

    private static Dictionary<string, ManifestResource> ParseResources(JsonElement root, string file, List<ManifestWarning> warnings)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException(file, null, "$", "expected a JSON object with 'resources'");
        }

        if (!root.TryGetProperty("resources", out var resourcesElement) || resourcesElement.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestException(file, null, "resources", "missing: expected an object of resources (is this an aspire-manifest.json?)");
        }

        var parser = new ManifestResourceParser(file, warnings);
        var resources = new Dictionary<string, ManifestResource>(StringComparer.Ordinal);
        foreach (var resource in resourcesElement.EnumerateObject())
        {
            resources[resource.Name] = parser.Parse(resource.Name, resource.Value);
        }

        return resources;
    }

    private static DatabaseServerModel ToDatabaseServer(
        ManifestPostgresServer server,
        Dictionary<string, ManifestResource> resources,
        Dictionary<string, CredentialBinding> roles,
        string file,
        List<ManifestWarning> warnings)
    {
        var engineMajor = PostgresMajor(server, file);
        var userName = BindDatabaseCredentials(server, resources, roles, file, warnings);
        var databases = resources.Values.OfType<ManifestValue>()
            .Select(v => (Value: v, Match: DatabaseRegex().Match(v.ConnectionString)))
            .Where(v => v.Match.Success && v.Match.Groups[1].Value == server.Name)
            .Select(v => new DatabaseModel(v.Value.Name, v.Match.Groups[2].Value))
            .ToList();
        var duplicate = databases.GroupBy(d => d.DatabaseName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ManifestException(file, server.Name, "resources",
                $"databases {string.Join(" and ", duplicate.Select(d => d.Resource))} both name database '{duplicate.Key}' on this server: give each its own database name");
        }

        if (databases.Count == 0)
        {
            warnings.Add(new ManifestWarning(file, ManifestPaths.Of(server.Name, string.Empty),
                "no database is added to this PostgreSQL server (AddDatabase), so its Aurora cluster has none"));
        }

        return new DatabaseServerModel(server.Name, userName, engineMajor, databases);
    }

    private static int PostgresMajor(ManifestPostgresServer server, string file)
    {
        var major = server.Image.TagMajorVersion() ?? throw new ManifestException(file, server.Name, "image",
            $"'{server.Image.Reference}' has no PostgreSQL major version in its tag: pin one with .WithImageTag(\"{MaxPostgresMajor}.6\") so local and AWS run the same major");
        if (major > MaxPostgresMajor)
        {
            throw new ManifestException(file, server.Name, "image",
                $"PostgreSQL {major} locally, but Aurora PostgreSQL runs at most {MaxPostgresMajor}: pin the local image with .WithImageTag(\"{MaxPostgresMajor}.6\") so local and AWS run the same major");
        }

        return major >= MinPostgresMajor ? major : throw new ManifestException(file, server.Name, "image",
            $"PostgreSQL {major} locally, but Aurora PostgreSQL runs {MinPostgresMajor} to {MaxPostgresMajor}: use .WithImageTag(\"{MaxPostgresMajor}.6\")");
    }

    /// <returns>The database user name.</returns>
    private static string BindDatabaseCredentials(
        ManifestPostgresServer server,
        Dictionary<string, ManifestResource> resources,
        Dictionary<string, CredentialBinding> roles,
        string file,
        List<ManifestWarning> warnings)
    {
        var connectionParts = ConnectionStringParts(server.ConnectionString, ';');
        var password = server.Env.GetValueOrDefault("POSTGRES_PASSWORD") ?? connectionParts.GetValueOrDefault("Password");
        if (SingleParameter(password, resources) is { } passwordParameter)
        {
            roles[passwordParameter.Name] = new CredentialBinding(CredentialRole.DatabasePassword, server.Name);
        }

        var user = server.Env.GetValueOrDefault("POSTGRES_USER") ?? connectionParts.GetValueOrDefault("Username") ?? "postgres";
        if (SingleParameter(user, resources) is not { } userParameter)
        {
            return ExpressionTemplate.Parse(user).All(p => p is TemplateText) ? user : throw new ManifestException(file, server.Name,
                "env.POSTGRES_USER", "expected a literal user name or a parameter reference");
        }

        roles[userParameter.Name] = new CredentialBinding(CredentialRole.DatabaseUser, server.Name);
        if (userParameter.DefaultValue is { } defaultUser && !userParameter.Secret)
        {
            return defaultUser;
        }

        warnings.Add(new ManifestWarning(file, ManifestPaths.Of(server.Name, "env.POSTGRES_USER"),
            $"the user name comes from parameter '{userParameter.Name}' with no published default: Aurora's user is 'postgres'"));
        return "postgres";
    }

    private static void BindCacheCredentials(
        ManifestCacheServer cache,
        Dictionary<string, ManifestResource> resources,
        Dictionary<string, CredentialBinding> roles)
    {
        var password = cache.Env.GetValueOrDefault("VALKEY_PASSWORD")
            ?? cache.Env.GetValueOrDefault("REDIS_PASSWORD")
            ?? ConnectionStringParts(cache.ConnectionString, ',').GetValueOrDefault("password");
        if (SingleParameter(password, resources) is { } parameter)
        {
            roles[parameter.Name] = new CredentialBinding(CredentialRole.CachePassword, cache.Name);
        }
    }

    private static ManifestParameter? SingleParameter(string? template, Dictionary<string, ManifestResource> resources) =>
        template is not null
        && ExpressionTemplate.Parse(template) is [TemplateReference { Path: "value" or "inputs.value" } reference]
        && resources.GetValueOrDefault(reference.Resource) is ManifestParameter parameter
            ? parameter
            : null;

    private static Dictionary<string, string> ConnectionStringParts(string? connectionString, char separator) =>
        (connectionString ?? string.Empty)
            .Split(separator, StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);

    private static void CheckJobs(DeploymentSettings settings, Dictionary<string, ManifestResource> resources, string file)
    {
        for (var i = 0; i < settings.Jobs.Count; i++)
        {
            if (resources.GetValueOrDefault(settings.Jobs[i]) is not (ManifestProject or ManifestContainer))
            {
                var workloads = string.Join(", ", resources.Values.Where(r => r is ManifestProject or ManifestContainer).Select(p => p.Name));
                throw new SettingsException(settings.SourceFile, $"jobs[{i}]",
                    $"'{settings.Jobs[i]}' is not a project or container of {file} (workloads: {workloads})");
            }
        }
    }

    private static void CheckSizedServices(DeploymentSettings settings, List<WorkloadModel> workloads, string file)
    {
        var services = workloads.Where(w => w.Kind == WorkloadKind.Service).Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (environment, environmentSettings) in settings.Environments)
        {
            foreach (var service in environmentSettings.Services.Keys.Where(s => !services.Contains(s)))
            {
                throw new SettingsException(settings.SourceFile, $"environments.{environment}.services.{service}",
                    $"'{service}' is not a service of {file} (services: {string.Join(", ", services)}; jobs are sized by 'job')");
            }
        }
    }

    /// <summary>Further external services answer at their own host names, which only a domain provides.</summary>
    private static void CheckPublicEntryPoints(DeploymentSettings settings, List<WorkloadModel> workloads, string file)
    {
        var external = workloads.Where(w => w.Kind == WorkloadKind.Service && w.IsExternal).Select(w => w.Name).ToList();
        if (external.Count > 1 && settings.Domain is null)
        {
            throw new SettingsException(settings.SourceFile, "domain",
                $"{file} has {external.Count} external services ({string.Join(", ", external)}): the first answers at the load balancer's address, each other one at its own host name <hostname>-<service>.<zone>, so set a domain (or make all but one internal)");
        }
    }

    private static WorkloadModel ToWorkload(
        string name,
        WorkloadImage image,
        IReadOnlyList<KeyValuePair<string, string>> env,
        IReadOnlyList<ManifestBinding> bindings,
        DeploymentSettings settings,
        EnvValueResolver resolver)
    {
        var runOnce = false;
        var environment = new List<EnvironmentVariable>();
        foreach (var (variable, template) in env)
        {
            if (variable == ConfigurationKeys.RunOnceEnvironmentVariable)
            {
                runOnce = template == "true";
            }
            else if (resolver.ResolveVariable(name, variable, template) is { } value)
            {
                environment.Add(new EnvironmentVariable(variable, value));
            }
        }

        // A project's https binding is dropped (TLS ends at the load balancer); a container's bindings are http or tcp.
        var endpoints = bindings
            .Where(b => b.Scheme != "https")
            .Select(b => new EndpointModel(b.Name, b.Scheme, b.External, b.TargetPort ?? EndpointModel.ContainerPort))
            .ToList();
        var kind = runOnce || settings.Jobs.Contains(name, StringComparer.Ordinal) ? WorkloadKind.Job : WorkloadKind.Service;
        return new WorkloadModel(name, image, kind, endpoints, environment);
    }

    [GeneratedRegex(@"^\{([A-Za-z][A-Za-z0-9_-]*)\.connectionString\};Database=([^;]+)$")]
    private static partial Regex DatabaseRegex();
}
