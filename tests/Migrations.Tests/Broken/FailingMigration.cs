using FluentMigrator;

namespace AppDelivery.Aspire.Migrations.Tests.Broken;

/// <summary>
/// For test use only: a migration that fails halfway, after creating a table. It is the only untagged migration in this
/// assembly, which <see cref="BrokenMigrationTests"/> adds to the real ones.
/// </summary>
[Migration(Version, "Fails on purpose")]
public sealed class FailingMigration : Migration
{
    public const long Version = 209912312359;

    public override void Up() => Execute.Sql("CREATE TABLE half_done (id integer); SELECT 1 / 0;");

    public override void Down()
    {
    }
}
