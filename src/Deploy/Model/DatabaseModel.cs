namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>The PostgreSQL database of the app (one server resource, one database in it).</summary>
/// <param name="ServerResource">Manifest name of the PostgreSQL container, e.g. <c>postgres</c>.</param>
/// <param name="DatabaseResource">Manifest name of the database, e.g. <c>appdb</c>: the connection name.</param>
/// <param name="DatabaseName">Name of the database inside the server.</param>
/// <param name="UserName">User of the connection string (<c>postgres</c> unless the AppHost set one).</param>
/// <param name="EngineMajorVersion">PostgreSQL major from the local image tag, e.g. 17.</param>
public sealed record DatabaseModel(
    string ServerResource,
    string DatabaseResource,
    string DatabaseName,
    string UserName,
    int EngineMajorVersion);
