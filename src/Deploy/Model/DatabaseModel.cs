namespace AppDelivery.Aspire.Deploy.Model;

/// <summary>A PostgreSQL server resource of the app and its databases: one Aurora cluster in AWS.</summary>
/// <param name="Resource">Manifest name of the PostgreSQL container, e.g. <c>postgres</c>.</param>
/// <param name="MasterUserName">User of the local server (<c>postgres</c> unless the AppHost set one): Aurora's master user.</param>
/// <param name="EngineMajorVersion">PostgreSQL major from the local image tag, e.g. 17.</param>
/// <param name="Databases">Its databases (AddDatabase), in manifest order.</param>
public sealed record DatabaseServerModel(
    string Resource,
    string MasterUserName,
    int EngineMajorVersion,
    IReadOnlyList<DatabaseModel> Databases)
{
    /// <summary>Equal when the databases are equal, in order (records would compare the list reference).</summary>
    public bool Equals(DatabaseServerModel? other) =>
        other is not null && Resource == other.Resource && MasterUserName == other.MasterUserName
        && EngineMajorVersion == other.EngineMajorVersion && Databases.SequenceEqual(other.Databases);

    public override int GetHashCode() => HashCode.Combine(Resource, MasterUserName, EngineMajorVersion, Databases.Count);
}

/// <summary>A database of a PostgreSQL server.</summary>
/// <param name="Resource">Manifest name of the database, e.g. <c>appdb</c>: the connection name.</param>
/// <param name="DatabaseName">Name of the database inside the server.</param>
public sealed record DatabaseModel(string Resource, string DatabaseName);
