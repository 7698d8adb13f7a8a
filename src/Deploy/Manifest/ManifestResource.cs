using AppDelivery.Aspire.Deploy.Model;

namespace AppDelivery.Aspire.Deploy.Manifest;

/// <summary>A manifest resource the reader understands; anything else is a <see cref="ManifestException"/>.</summary>
internal abstract record ManifestResource(string Name);

/// <summary><c>project.v0</c>/<c>project.v1</c>: a workload. Env keeps manifest order; bindings are http or https.</summary>
internal sealed record ManifestProject(
    string Name,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<ManifestBinding> Bindings) : ManifestResource(Name);

/// <param name="TargetPort">Port inside the container; null for projects, which listen on 8080 in AWS.</param>
internal sealed record ManifestBinding(string Name, string Scheme, bool External, int? TargetPort = null);

/// <summary>
/// Any other <c>container.v0</c>/<c>container.v1</c>: a Fargate workload running <see cref="Image"/> (or the image
/// built from a Dockerfile). Env keeps manifest order; bindings are http or tcp, each with its target port.
/// </summary>
internal sealed record ManifestContainer(
    string Name,
    WorkloadImage Image,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<ManifestBinding> Bindings,
    IReadOnlyList<string> Args,
    string? Entrypoint,
    string? ConnectionString) : ManifestResource(Name);

/// <summary>A <c>postgres</c> container: Aurora PostgreSQL in AWS.</summary>
internal sealed record ManifestPostgresServer(
    string Name,
    ContainerImage Image,
    IReadOnlyDictionary<string, string> Env,
    string? ConnectionString) : ManifestResource(Name);

/// <summary>A <c>valkey/valkey</c> or <c>redis</c> container: ElastiCache Serverless for Valkey in AWS.</summary>
internal sealed record ManifestCacheServer(
    string Name,
    string Engine,
    IReadOnlyDictionary<string, string> Env,
    string? ConnectionString) : ManifestResource(Name);

/// <summary><c>value.v0</c>: a connection string built from other resources, e.g. a database of a server.</summary>
internal sealed record ManifestValue(string Name, string ConnectionString) : ManifestResource(Name);

/// <summary><c>parameter.v0</c>; <paramref name="IsConnectionString"/> for <c>AddConnectionString</c>.</summary>
internal sealed record ManifestParameter(
    string Name,
    bool Secret,
    GeneratedSecret? Generate,
    string? DefaultValue,
    bool IsConnectionString) : ManifestResource(Name);

/// <summary><c>annotated.string</c>: another value with a filter (<c>uri</c>: URI-encoded).</summary>
internal sealed record ManifestAnnotatedString(string Name, string Value, string? Filter) : ManifestResource(Name);
