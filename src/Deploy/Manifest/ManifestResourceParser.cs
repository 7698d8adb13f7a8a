using System.Text.Json;
using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>Turns one <c>resources.&lt;name&gt;</c> entry into a <see cref="ManifestResource"/>, or says why it cannot be deployed.</summary>
internal sealed class ManifestResourceParser(string file, ICollection<ManifestWarning> warnings)
{
    private const string Supported = "only .NET projects, PostgreSQL and Valkey/Redis containers, parameters and connection-string values map to AWS";

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
                $"executables ({OptionalString(name, resource, "command") ?? "a local command"}) cannot be deployed: {Supported}"),
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
        if (resource.TryGetProperty("build", out _))
        {
            throw Error(name, "image", $"containers built from a Dockerfile (build) have no AWS mapping: {Supported}");
        }

        var reference = RequiredString(name, resource, "image");
        var image = ContainerImage.Parse(reference);
        var env = Env(name, resource).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var connectionString = OptionalString(name, resource, "connectionString");
        return image switch
        {
            _ when image.Is("postgres") => new ManifestPostgresServer(name, image, env, connectionString),
            _ when image.Is("valkey/valkey") => new ManifestCacheServer(name, "valkey", env, connectionString),
            _ when image.Is("redis") => new ManifestCacheServer(name, "redis", env, connectionString),
            _ => throw Error(name, "image", $"no AWS mapping for container image '{reference}': {Supported} (PostgreSQL: postgres, cache: valkey/valkey or redis)"),
        };
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
