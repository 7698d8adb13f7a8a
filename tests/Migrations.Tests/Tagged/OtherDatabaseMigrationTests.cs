using FluentMigrator;

namespace AppDelivery.Aspire.Migrations.Tests.Tagged;

/// <summary>
/// A second database of the AppHost gets the migrations tagged with its name, and only those; the app's database
/// never gets them (<see cref="Broken.BrokenMigrationTests"/> adds this assembly to the real migrations and
/// asserts that exactly the known versions were applied).
/// </summary>
public sealed class OtherDatabaseMigrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    public const string Reports = "reports";

    [Fact]
    public async Task Another_database_gets_only_the_migrations_tagged_with_its_name_and_no_seed()
    {
        var database = new Database(await postgres.CreateDatabaseAsync());

        // The development profile and this assembly's untagged FailingMigration would both fail on this database.
        DatabaseMigrator.Migrate(database.ConnectionString, Reports, MigrationProfiles.Development, loggerFactory: null, typeof(CreateReportRows).Assembly);

        Assert.Equal([CreateReportRows.Version], await database.AppliedVersionsAsync());
        Assert.Equal(
            ["VersionInfo", "report_rows"],
            await database.ColumnAsync<string>("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"));
    }

    [Fact]
    public void The_runner_migrates_the_app_database_first()
    {
        Assert.Equal(ResourceNames.Database, DatabaseMigrator.Databases()[0]);
    }
}

/// <summary>For test use only: the migration of a database named <see cref="OtherDatabaseMigrationTests.Reports"/>.</summary>
[Migration(Version, "Create report rows")]
[Tags(OtherDatabaseMigrationTests.Reports)]
public sealed class CreateReportRows : Migration
{
    public const long Version = 209901010000;

    public override void Up() => Execute.Sql("CREATE TABLE report_rows (id integer);");

    public override void Down() => Execute.Sql("DROP TABLE report_rows;");
}
