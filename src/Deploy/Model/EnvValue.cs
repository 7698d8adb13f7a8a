namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>
/// The value of an environment variable, as a meaning rather than a string: the stacks decide what it is
/// in AWS (an Aurora endpoint, a Service Connect URL, an ECS secret...).
/// </summary>
public abstract record EnvValue
{
    /// <summary>True when the value carries a secret and so may only reach a container as an ECS secret.</summary>
    public virtual bool IsSecret => false;
}

/// <summary>A plain string from the manifest.</summary>
public sealed record LiteralValue(string Value) : EnvValue;

/// <summary>Connection string of a database: host, port, database, the workload's own user, TLS; never a password.</summary>
/// <param name="Database">Manifest name of the database, e.g. <c>appdb</c>.</param>
public sealed record DatabaseConnectionStringValue(string Database) : EnvValue;

/// <param name="Server">Manifest name of the PostgreSQL server.</param>
public sealed record DatabaseHostValue(string Server) : EnvValue;

/// <param name="Server">Manifest name of the PostgreSQL server.</param>
public sealed record DatabasePortValue(string Server) : EnvValue;

/// <summary>The database user: in AWS the workload's own role on that server.</summary>
/// <param name="Server">Manifest name of the PostgreSQL server.</param>
public sealed record DatabaseUserValue(string Server) : EnvValue;

/// <summary>StackExchange.Redis connection string of the cache <paramref name="Cache"/> (<c>host:port,ssl=true</c> in AWS).</summary>
public sealed record CacheConnectionStringValue(string Cache) : EnvValue;

public sealed record CacheHostValue(string Cache) : EnvValue;

public sealed record CachePortValue(string Cache) : EnvValue;

/// <summary>URL of another workload's endpoint, e.g. <c>services__api__http__0</c>.</summary>
public sealed record ServiceUrlValue(string Workload, string Endpoint) : EnvValue;

/// <summary>Port a workload's endpoint listens on inside its container, e.g. <c>HTTP_PORTS</c>; also its Service Connect port.</summary>
public sealed record ServicePortValue(string Workload, string Endpoint) : EnvValue;

/// <summary>Host name of another workload (its Service Connect name), e.g. <c>{maildev.bindings.smtp.host}</c>.</summary>
public sealed record ServiceHostValue(string Workload) : EnvValue;

/// <summary>A secret parameter of the app; see <see cref="SecretModel"/>.</summary>
public sealed record SecretValue(string Secret) : EnvValue
{
    public override bool IsSecret => true;
}

/// <summary>Concatenation of parts, e.g. <c>{pg.connectionString};Database=x</c> written by hand in an AppHost.</summary>
public sealed record CompositeValue(IReadOnlyList<EnvValue> Parts) : EnvValue
{
    public override bool IsSecret => Parts.Any(p => p.IsSecret);

    /// <summary>Equal when the parts are equal, in order (records would compare the list reference).</summary>
    public bool Equals(CompositeValue? other) =>
        other is not null && Parts.SequenceEqual(other.Parts);

    public override int GetHashCode() =>
        Parts.Aggregate(typeof(CompositeValue).GetHashCode(), HashCode.Combine);
}
