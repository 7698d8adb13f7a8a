namespace AppDelivery.Aspire.Migrations;

/// <summary>Configuration the migrations process reads besides <c>ConnectionStrings:appdb</c>.</summary>
public static class MigrationsConfigurationKeys
{
    /// <summary>FluentMigrator profile to apply, e.g. <see cref="MigrationProfiles.Development"/>; none when unset.</summary>
    public const string Profile = "Migrations:Profile";
}
