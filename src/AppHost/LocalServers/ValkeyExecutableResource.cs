using AppDelivery.Aspire.LocalServers;

namespace AppDelivery.Aspire.AppHost.LocalServers;

/// <summary>
/// Valkey from the server binary installed on this machine, with the connection string shape of Aspire's
/// Valkey container (<c>host:port,password=…</c>).
/// </summary>
public sealed class ValkeyExecutableResource(string name, ValkeyInstallation installation, ParameterResource password, string directory)
    : ExecutableResource(name, installation.ServerExecutable, directory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>Holds <c>requirepass</c>, so that the password is in no command line.</summary>
    public string ConfigurationFile => Path.Combine(WorkingDirectory, "valkey.conf");

    public EndpointReference PrimaryEndpoint => field ??= new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");

    public ValkeyInstallation Installation { get; } = installation;
}
