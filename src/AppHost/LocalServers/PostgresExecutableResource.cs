using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.AppHost.LocalServers;

/// <summary>
/// PostgreSQL from the server binaries installed on this machine, with the connection string shape of
/// Aspire's PostgreSQL container (<c>Host=…;Port=…;Username=postgres;Password=…</c>).
/// </summary>
public sealed class PostgresExecutableResource(string name, PostgresInstallation installation, ParameterResource password, string directory)
    : ExecutableResource(name, ShellCommand.Shell, directory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string SuperUser = "postgres";

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The PostgreSQL data directory (<c>initdb -D</c>), kept between runs.</summary>
    public string DataPath => Path.Combine(WorkingDirectory, "data");

    public EndpointReference PrimaryEndpoint => field ??= new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={SuperUser};Password={PasswordParameter}");

    public PostgresInstallation Installation { get; } = installation;
}

/// <summary>A database of a <see cref="PostgresExecutableResource"/>, created when the server is ready.</summary>
public sealed class PostgresExecutableDatabaseResource(string name, string databaseName, PostgresExecutableResource parent)
    : Resource(name), IResourceWithParent<PostgresExecutableResource>, IResourceWithConnectionString
{
    public PostgresExecutableResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
