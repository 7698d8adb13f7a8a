namespace AppDelivery.Aspire;

/// <summary>FluentMigrator profiles: migrations that run on every start when their profile is selected.</summary>
public static class MigrationProfiles
{
    /// <summary>Sample data for local development; never selected in the cloud.</summary>
    public const string Development = "Development";
}
