using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>
/// Gives each environment variable of a workload its meaning (<see cref="EnvValue"/>), resolving
/// <c>{resource.path}</c> references; drops, with a warning, what cannot exist in AWS.
/// </summary>
internal sealed class EnvValueResolver(
    string file,
    IReadOnlyDictionary<string, ManifestResource> resources,
    IReadOnlyDictionary<string, CredentialBinding> credentialRoles,
    IReadOnlyList<DatabaseServerModel> databaseServers,
    ICollection<ManifestWarning> warnings)
{
    private const int MaxDepth = 8;

    private readonly Dictionary<string, SecretModel> _secrets = new(StringComparer.Ordinal);

    /// <summary>Secrets of the app referenced by kept variables, in order of first use.</summary>
    public IReadOnlyList<SecretModel> Secrets => _secrets.Values.ToList();

    /// <returns>Null when the variable is dropped (a warning says why).</returns>
    public EnvValue? ResolveVariable(string workload, string variable, string template)
    {
        var field = $"env.{variable}";
        var value = ResolveTemplate(workload, field, template, 0);
        if (value is DroppedValue dropped)
        {
            Warn(workload, field, $"dropped: {dropped.Reason}");
            return null;
        }

        if (value is CompositeValue composite && composite.IsSecret && !IsComposable(composite))
        {
            var secret = composite.Parts.First(p => p.IsSecret);
            Warn(workload, field,
                $"dropped: it embeds {Describe(secret)} in a larger string; only generated secrets are composed into a secret of their own (ECS injects a secret only as a whole variable): reference the secret on its own instead");
            return null;
        }

        Register(workload, field, value);
        return value;
    }

    /// <summary>
    /// A value embedding only generated secrets (e.g. RabbitMQ's <c>amqp://guest:{password}@host:port</c>) is deployed
    /// as a secret of its own, composed by CloudFormation. An operator-set secret is not: the composition would keep
    /// the value it had when the stack was last deployed.
    /// </summary>
    private bool IsComposable(CompositeValue composite) =>
        composite.Parts.Where(p => p.IsSecret).All(p => p is SecretValue secret
            && resources.GetValueOrDefault(secret.Secret) is ManifestParameter { Generate: not null });

    private EnvValue ResolveTemplate(string owner, string field, string template, int depth)
    {
        var values = new List<EnvValue>();
        foreach (var part in ExpressionTemplate.Parse(template))
        {
            var value = part switch
            {
                TemplateText text => new LiteralValue(text.Text),
                TemplateReference reference => ResolveReference(owner, field, reference, depth),
                _ => throw new InvalidOperationException($"Unknown template part {part}."),
            };
            if (value is DroppedValue)
            {
                return value;
            }

            values.AddRange(value is CompositeValue nested ? nested.Parts : [value]);
        }

        var merged = MergeLiterals(values);
        return merged.Count switch
        {
            0 => new LiteralValue(string.Empty),
            1 => merged[0],
            _ => new CompositeValue(merged),
        };
    }

    private EnvValue ResolveReference(string owner, string field, TemplateReference reference, int depth)
    {
        if (!resources.TryGetValue(reference.Resource, out var target))
        {
            throw new ManifestException(file, owner, field, $"{reference} references unknown resource '{reference.Resource}'");
        }

        if (depth >= MaxDepth)
        {
            throw new ManifestException(file, owner, field, $"{reference} nests references too deeply (a cycle?)");
        }

        var path = reference.Path.Split('.');
        return target switch
        {
            ManifestValue value when IsDatabase(value.Name) && reference.Path == "connectionString" =>
                new DatabaseConnectionStringValue(value.Name),
            ManifestValue value when reference.Path == "connectionString" =>
                ResolveTemplate(owner, field, value.ConnectionString, depth + 1),
            ManifestPostgresServer when reference.Path == "connectionString" => throw new ManifestException(file, owner, field,
                $"{reference} is the PostgreSQL server's connection string: reference the database (AddDatabase) instead, so the app gets its database"),
            ManifestPostgresServer server when path is ["bindings", _, "host"] => new DatabaseHostValue(server.Name),
            ManifestPostgresServer server when path is ["bindings", _, "port" or "targetPort"] => new DatabasePortValue(server.Name),
            ManifestCacheServer cache when reference.Path == "connectionString" => new CacheConnectionStringValue(cache.Name),
            ManifestCacheServer cache when path is ["bindings", _, "host"] => new CacheHostValue(cache.Name),
            ManifestCacheServer cache when path is ["bindings", _, "port" or "targetPort"] => new CachePortValue(cache.Name),
            ManifestProject project when path is ["bindings", var endpoint, var property] =>
                ResolveEndpoint(owner, field, reference, project, endpoint, property),
            ManifestContainer container when reference.Path == "connectionString" && container.ConnectionString is { } connectionString =>
                ResolveTemplate(owner, field, connectionString, depth + 1),
            ManifestContainer container when path is ["bindings", var endpoint, var property] =>
                ResolveContainerEndpoint(owner, field, reference, container, endpoint, property),
            ManifestParameter parameter when reference.Path is "value" or "inputs.value"
                || (parameter.IsConnectionString && reference.Path == "connectionString") => ResolveParameter(parameter),
            ManifestAnnotatedString annotated when reference.Path == "value" => ResolveAnnotated(owner, field, annotated, depth),
            _ => throw new ManifestException(file, owner, field, $"unsupported reference {reference}"),
        };
    }

    private EnvValue ResolveEndpoint(string owner, string field, TemplateReference reference, ManifestProject project, string endpoint, string property)
    {
        var binding = project.Bindings.FirstOrDefault(b => b.Name == endpoint)
            ?? throw new ManifestException(file, owner, field, $"{reference}: '{project.Name}' has no endpoint '{endpoint}'");
        if (binding.Scheme == "https")
        {
            return new DroppedValue($"the https endpoint of '{project.Name}' is not deployed (internal calls are plain HTTP over Service Connect; 'https+http://' discovery uses the http entry)");
        }

        return property switch
        {
            "url" => new ServiceUrlValue(project.Name, endpoint),
            "targetPort" => new ServicePortValue(project.Name, endpoint),
            "scheme" => new LiteralValue("http"),
            _ => throw new ManifestException(file, owner, field,
                $"{reference} is not supported: in AWS services are reached by URL; use {{{project.Name}.bindings.{endpoint}.url}}"),
        };
    }

    /// <summary>In AWS a container's endpoint is its Service Connect name at its target port.</summary>
    private EnvValue ResolveContainerEndpoint(
        string owner, string field, TemplateReference reference, ManifestContainer container, string endpoint, string property)
    {
        var binding = container.Bindings.FirstOrDefault(b => b.Name == endpoint)
            ?? throw new ManifestException(file, owner, field, $"{reference}: '{container.Name}' has no endpoint '{endpoint}'");
        return property switch
        {
            "url" => new ServiceUrlValue(container.Name, endpoint),
            "host" => new ServiceHostValue(container.Name),
            "port" or "targetPort" => new ServicePortValue(container.Name, endpoint),
            "scheme" => new LiteralValue(binding.Scheme),
            _ => throw new ManifestException(file, owner, field,
                $"{reference} is not supported: use {{{container.Name}.bindings.{endpoint}.url}}, .host or .port"),
        };
    }

    private EnvValue ResolveParameter(ManifestParameter parameter) =>
        credentialRoles.GetValueOrDefault(parameter.Name) switch
        {
            { Role: CredentialRole.DatabasePassword } => new DroppedValue(
                $"'{parameter.Name}' is the local PostgreSQL password; in AWS each workload signs in to Aurora with a 15-minute IAM token instead of a password (the connection string's user is the workload's own role)"),
            { Role: CredentialRole.DatabaseUser, Owner: var server } => new DatabaseUserValue(server),
            { Role: CredentialRole.CachePassword } => new DroppedValue(
                $"'{parameter.Name}' is the local cache password; the cache has no password in AWS (only the app's security group can reach it)"),
            _ when parameter.IsConnectionString || parameter.Secret || parameter.Generate is not null || parameter.DefaultValue is null =>
                new SecretValue(parameter.Name),
            _ => new LiteralValue(parameter.DefaultValue),
        };

    private EnvValue ResolveAnnotated(string owner, string field, ManifestAnnotatedString annotated, int depth)
    {
        var inner = ResolveTemplate(owner, field, annotated.Value, depth + 1);
        if (annotated.Filter != "uri" || inner is DroppedValue)
        {
            return inner;
        }

        return inner is LiteralValue literal
            ? new LiteralValue(Uri.EscapeDataString(literal.Value))
            : new DroppedValue($"'{annotated.Name}' URI-encodes {Describe(inner)}, which AWS injects verbatim and cannot encode");
    }

    private void Register(string workload, string field, EnvValue value)
    {
        var parts = value is CompositeValue composite ? composite.Parts : [value];
        foreach (var secret in parts.OfType<SecretValue>())
        {
            if (_secrets.ContainsKey(secret.Secret))
            {
                continue;
            }

            var parameter = (ManifestParameter)resources[secret.Secret];
            if (!parameter.Secret && !parameter.IsConnectionString && parameter.Generate is null)
            {
                Warn(workload, field,
                    $"parameter '{parameter.Name}' is not secret but has no published default: it becomes a Secrets Manager secret an operator sets");
            }

            _secrets.Add(secret.Secret, new SecretModel(secret.Secret, parameter.Generate));
        }
    }

    private static List<EnvValue> MergeLiterals(List<EnvValue> values)
    {
        var merged = new List<EnvValue>();
        foreach (var value in values)
        {
            if (value is LiteralValue { Value.Length: 0 })
            {
                continue;
            }

            if (value is LiteralValue next && merged.Count > 0 && merged[^1] is LiteralValue previous)
            {
                merged[^1] = new LiteralValue(previous.Value + next.Value);
            }
            else
            {
                merged.Add(value);
            }
        }

        return merged;
    }

    private static string Describe(EnvValue value) => value switch
    {
        SecretValue secret => $"the secret '{secret.Secret}'",
        CompositeValue composite when composite.IsSecret => Describe(composite.Parts.First(p => p.IsSecret)),
        _ => "a value known only in AWS",
    };

    private bool IsDatabase(string resource) =>
        databaseServers.Any(server => server.Databases.Any(database => database.Resource == resource));

    private void Warn(string resource, string field, string message) =>
        warnings.Add(new ManifestWarning(file, ManifestPaths.Of(resource, field), message));
}
