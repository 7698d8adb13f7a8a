using System.Reflection;
using FluentMigrator;

namespace AppDelivery.Aspire.Migrations.Tests;

/// <summary>
/// The versioned migrations of the app's database the Migrations assembly contains, found by reflection: those
/// tagged for another database are not among them.
/// </summary>
internal static class KnownMigrations
{
    public static IReadOnlyList<long> Versions { get; } = typeof(DatabaseMigrator).Assembly.GetTypes()
        .Where(type => type.GetCustomAttributes<TagsAttribute>().All(tags => tags.TagNames.Contains(ResourceNames.Database)))
        .Select(type => type.GetCustomAttribute<MigrationAttribute>())
        .OfType<MigrationAttribute>()
        .Select(attribute => attribute.Version)
        .Order()
        .ToList();
}
