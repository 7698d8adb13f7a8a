using FluentMigrator;

namespace AppDelivery.Aspire.Migrations.Tests;

/// <summary>The versioned migrations the Migrations assembly contains, found by reflection.</summary>
internal static class KnownMigrations
{
    public static IReadOnlyList<long> Versions { get; } = typeof(DatabaseMigrator).Assembly.GetTypes()
        .Select(type => type.GetCustomAttributes(typeof(MigrationAttribute), inherit: false).OfType<MigrationAttribute>().SingleOrDefault())
        .OfType<MigrationAttribute>()
        .Select(attribute => attribute.Version)
        .Order()
        .ToList();
}
