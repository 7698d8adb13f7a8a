using System.Text.Json;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>Turns one <c>resources.&lt;name&gt;</c> entry into a <see cref="ManifestResource"/>, or says why it cannot be deployed.</summary>
internal sealed class ManifestResourceParser(string file, ICollection<ManifestWarning> warnings)
{
    private const string Supported = "only .NET projects, containers (PostgreSQL to Aurora, Valkey/Redis to ElastiCache, any other image or Dockerfile to Fargate), parameters and connection-string values map to AWS";

    /// <summary>Database images with no AWS mapping: run in a task, their data would go with it.</summary>
    private static readonly (string Repository, string Engine)[] UnmappedDatabases =
    [
        ("mssql/server", "SQL Server"),
        ("mysql", "MySQL"),
        ("mariadb", "MariaDB"),
        ("mongo", "MongoDB"),
        ("database/free", "Oracle Database"),
        ("gvenzl/oracle-free", "Oracle Database"),
        ("gvenzl/oracle-xe", "Oracle Database"),
    ];

    public ManifestResource Parse(string name, JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object)
        {
            throw Error(name, string.Empty, "expected a JSON object");
        }

        if (resource.TryGetProperty("error", out var writerError))
        {
            throw Error(name, "error", $"Aspire could not write this resource: {writerError}");
        }

        var type = RequiredString(name, resource, "type");
        return type switch
        {
            "project.v0" or "project.v1" => ParseProject(name, resource, type),
            "container.v0" or "container.v1" => ParseContainer(name, resource),
            "value.v0" => new ManifestValue(name, RequiredString(name, resource, "connectionString")),
            "parameter.v0" => ParseParameter(name, resource),
            "annotated.string" => ParseAnnotatedString(name, resource),
            "executable.v0" => throw Error(name, "type",
                $"executables ({OptionalString(name, resource, "command") ?? "a local command"}) cannot be deployed: publish it as a container (.PublishAsDockerFile() or AddDockerfile), which deploys like the projects"),
            _ when type.StartsWith("azure.", StringComparison.Ordinal) => throw Error(name, "type",
                $"'{type}' is an Azure resource with no AWS mapping: {Supported}"),
            _ => throw Error(name, "type", $"unsupported resource type '{type}': {Supported}"),
        };
    }

    private ManifestProject ParseProject(string name, JsonElement resource, string type)
    {
        var path = RequiredString(name, resource, "path");
        if (resource.TryGetProperty("args", out var args) && args.ValueKind == JsonValueKind.Array && args.GetArrayLength() > 0)
        {
            throw Error(name, "args", "command-line arguments of projects are not deployed; use environment variables or configuration instead");
        }

        if (type == "project.v1" && resource.TryGetProperty("deployment", out _))
        {
            warnings.Add(new ManifestWarning(file, ManifestPaths.Of(name, "deployment"),
                "ignored: a compute-environment deployment target (e.g. Azure Container Apps); the project is deployed to ECS Fargate"));
        }

        var bindings = new List<ManifestBinding>();
        if (resource.TryGetProperty("bindings", out var bindingsElement))
        {
            foreach (var binding in Properties(name, bindingsElement, "bindings"))
            {
                var field = $"bindings.{binding.Name}";
                var scheme = RequiredString(name, binding.Value, "scheme", field);
                var external = binding.Value.TryGetProperty("external", out var externalElement) && externalElement.ValueKind == JsonValueKind.True;
                if (scheme is not ("http" or "https"))
                {
                    throw Error(name, $"{field}.scheme", $"'{scheme}' endpoints of projects are not deployed: only HTTP, behind the load balancer or Service Connect");
                }

                bindings.Add(new ManifestBinding(binding.Name, scheme, external));
            }
        }

        var https = bindings.Where(b => b.Scheme == "https").ToList();
        foreach (var binding in https)
        {
            if (binding.External && !bindings.Any(b => b.Scheme == "http" && b.External))
            {
                throw Error(name, $"bindings.{binding.Name}", "an external https endpoint needs an external http endpoint too: TLS ends at the load balancer, the container serves plain HTTP");
            }

            warnings.Add(new ManifestWarning(file, ManifestPaths.Of(name, $"bindings.{binding.Name}"),
                "dropped: containers serve plain HTTP on port 8080; TLS ends at the load balancer and internal calls use Service Connect"));
        }

        return new ManifestProject(name, path, Env(name, resource), bindings);
    }

    private ManifestResource ParseContainer(string name, JsonElement resource)
    {
        var env = Env(name, resource);
        var connectionString = OptionalString(name, resource, "connectionString");
        if (resource.TryGetProperty("build", out var build))
        {
            return ParseWorkloadContainer(name, resource, ParseBuild(name, build), env, connectionString);
        }

        var reference = RequiredString(name, resource, "image");
        var image = ContainerImage.Parse(reference);
        if (UnmappedDatabases.Where(d => image.Is(d.Repository)).Select(d => d.Engine).FirstOrDefault() is { } engine)
        {
            throw Error(name, "image",
                $"{engine} ('{reference}') has no AWS mapping: a database in a Fargate task would lose its data with the task. Use PostgreSQL (Aurora), or run {engine} outside this deployment and pass its connection string with AddConnectionString");
        }

        var envByName = env.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return image switch
        {
            _ when image.Is("postgres") => new ManifestPostgresServer(name, image, envByName, connectionString),
            _ when image.Is("valkey/valkey") => new ManifestCacheServer(name, "valkey", envByName, connectionString),
            _ when image.Is("redis") => new ManifestCacheServer(name, "redis", envByName, connectionString),
            _ => ParseWorkloadContainer(name, resource, new RegistryImage(reference), env, connectionString),
        };
    }

    /// <summary>A container that runs as a Fargate workload: everything Fargate cannot honour is refused here.</summary>
    private ManifestContainer ParseWorkloadContainer(
        string name, JsonElement resource, WorkloadImage image, List<KeyValuePair<string, string>> env, string? connectionString)
    {
        foreach (var storage in new[] { "volumes", "bindMounts" })
        {
            if (resource.TryGetProperty(storage, out var mounts) && mounts.ValueKind == JsonValueKind.Array && mounts.GetArrayLength() > 0)
            {
                throw Error(name, storage,
                    "a Fargate task has no persistent disk and EFS is not mapped: add the volume in run mode only (if (builder.ExecutionContext.IsRunMode) ...), or keep the data in a managed store (Aurora, ElastiCache, S3)");
            }
        }

        if (resource.TryGetProperty("deployment", out _))
        {
            warnings.Add(new ManifestWarning(file, ManifestPaths.Of(name, "deployment"),
                "ignored: a compute-environment deployment target (e.g. Azure Container Apps); the container is deployed to ECS Fargate"));
        }

        var bindings = new List<ManifestBinding>();
        if (resource.TryGetProperty("bindings", out var bindingsElement))
        {
            foreach (var binding in Properties(name, bindingsElement, "bindings"))
            {
                bindings.Add(ParseContainerBinding(name, binding));
            }
        }

        var args = new List<string>();
        if (resource.TryGetProperty("args", out var argsElement))
        {
            var index = 0;
            foreach (var arg in argsElement.ValueKind == JsonValueKind.Array ? argsElement.EnumerateArray() : throw Error(name, "args", "expected an array"))
            {
                var field = $"args[{index++}]";
                var text = arg.ValueKind == JsonValueKind.String ? arg.GetString()! : throw Error(name, field, "expected a string");
                args.Add(ExpressionTemplate.Parse(text).All(p => p is TemplateText) ? text
                    : throw Error(name, field, $"'{text}' references another resource: arguments are deployed as written; pass the value in an environment variable instead"));
            }
        }

        return new ManifestContainer(name, image, env, bindings, args, OptionalString(name, resource, "entrypoint"), connectionString);
    }

    private ManifestBinding ParseContainerBinding(string name, JsonProperty binding)
    {
        var field = $"bindings.{binding.Name}";
        var scheme = RequiredString(name, binding.Value, "scheme", field);
        var external = binding.Value.TryGetProperty("external", out var externalElement) && externalElement.ValueKind == JsonValueKind.True;
        if (binding.Value.TryGetProperty("protocol", out var protocol) && protocol.ValueKind == JsonValueKind.String && protocol.GetString() == "udp")
        {
            throw Error(name, $"{field}.protocol", "UDP endpoints are not deployed: Service Connect and the load balancer carry TCP");
        }

        if (scheme == "https")
        {
            throw Error(name, $"{field}.scheme", "a container serving TLS itself is not deployed: serve plain HTTP; TLS ends at the load balancer and internal calls use Service Connect");
        }

        if (external && scheme != "http")
        {
            throw Error(name, $"{field}.external", $"only HTTP endpoints can be public (through the load balancer); '{scheme}' stays internal: remove WithExternalHttpEndpoints or the external flag");
        }

        if (!binding.Value.TryGetProperty("targetPort", out var portElement) || !portElement.TryGetInt32(out var port) || port is < 1 or > 65535)
        {
            throw Error(name, $"{field}.targetPort", "missing: a container endpoint needs the port it listens on (targetPort), which is also its Service Connect port");
        }

        return new ManifestBinding(binding.Name, scheme == "http" ? "http" : "tcp", external, port);
    }

    private DockerfileImage ParseBuild(string name, JsonElement build)
    {
        if (build.ValueKind != JsonValueKind.Object)
        {
            throw Error(name, "build", "expected a JSON object");
        }

        if (build.TryGetProperty("secrets", out var buildSecrets) && buildSecrets.ValueKind == JsonValueKind.Object && buildSecrets.EnumerateObject().Any())
        {
            throw Error(name, "build.secrets", "build secrets are not deployed: the deploy workflow builds with literal arguments only");
        }

        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        if (build.TryGetProperty("args", out var argsElement))
        {
            foreach (var arg in Properties(name, argsElement, "build.args"))
            {
                var field = $"build.args.{arg.Name}";
                var text = arg.Value.ValueKind == JsonValueKind.String ? arg.Value.GetString()! : throw Error(name, field, "expected a string");
                args[arg.Name] = ExpressionTemplate.Parse(text).All(p => p is TemplateText) ? text
                    : throw Error(name, field, $"'{text}' references another resource: a build argument is baked into the image, so only literal values are deployed");
            }
        }

        return new DockerfileImage(RequiredString(name, build, "context", "build"), RequiredString(name, build, "dockerfile", "build"), args);
    }

    private ManifestParameter ParseParameter(string name, JsonElement resource)
    {
        var isConnectionString = resource.TryGetProperty("connectionString", out _);
        if (!resource.TryGetProperty("inputs", out var inputs) || !inputs.TryGetProperty("value", out var input) || input.ValueKind != JsonValueKind.Object)
        {
            throw Error(name, "inputs.value", "missing: a parameter needs its input description");
        }

        var secret = input.TryGetProperty("secret", out var secretElement) && secretElement.ValueKind == JsonValueKind.True;
        GeneratedSecret? generate = null;
        string? defaultValue = null;
        if (input.TryGetProperty("default", out var defaults) && defaults.ValueKind == JsonValueKind.Object)
        {
            if (defaults.TryGetProperty("generate", out var generation))
            {
                var minLength = generation.TryGetProperty("minLength", out var length) && length.TryGetInt32(out var value) ? value : 22;
                var special = !generation.TryGetProperty("special", out var specialElement) || specialElement.ValueKind != JsonValueKind.False;
                generate = new GeneratedSecret(minLength, special);
            }
            else if (defaults.TryGetProperty("value", out var defaultElement))
            {
                defaultValue = defaultElement.ValueKind == JsonValueKind.String
                    ? defaultElement.GetString()
                    : throw Error(name, "inputs.value.default.value", "expected a string");
            }
        }

        return new ManifestParameter(name, secret, generate, defaultValue, isConnectionString);
    }

    private ManifestAnnotatedString ParseAnnotatedString(string name, JsonElement resource)
    {
        var filter = OptionalString(name, resource, "filter");
        if (filter is not null and not "uri")
        {
            throw Error(name, "filter", $"unsupported filter '{filter}' (known: uri)");
        }

        return new ManifestAnnotatedString(name, RequiredString(name, resource, "value"), filter);
    }

    private List<KeyValuePair<string, string>> Env(string name, JsonElement resource)
    {
        if (!resource.TryGetProperty("env", out var env))
        {
            return [];
        }

        return Properties(name, env, "env")
            .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString()!
                : throw Error(name, $"env.{p.Name}", "expected a string")))
            .ToList();
    }

    private JsonElement.ObjectEnumerator Properties(string name, JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject()
            : throw Error(name, field, "expected a JSON object");

    private string RequiredString(string name, JsonElement element, string property, string? parentField = null)
    {
        var field = parentField is null ? property : $"{parentField}.{property}";
        if (!element.TryGetProperty(property, out var value))
        {
            throw Error(name, field, "missing");
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(name, field, "expected a string");
    }

    private string? OptionalString(string name, JsonElement element, string property) =>
        !element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Error(name, property, "expected a string");

    private ManifestException Error(string resource, string field, string detail) => new(file, resource, field, detail);
}
