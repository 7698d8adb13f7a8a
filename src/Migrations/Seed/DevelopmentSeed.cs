using FluentMigrator;

namespace AppDelivery.Aspire.Migrations.Seed;

/// <summary>
/// A "Getting started" board with three items. Profiles run on every migration run, so the rows have fixed ids
/// and are only inserted when missing.
/// </summary>
[Profile(MigrationProfiles.Development)]
public sealed class DevelopmentSeed : Migration
{
    public const string BoardId = "019ab000-0000-7000-8000-000000000001";

    public override void Up() => Execute.Sql(
        $"""
        INSERT INTO boards (id, name)
        VALUES ('{BoardId}', 'Getting started')
        ON CONFLICT (id) DO NOTHING;

        INSERT INTO work_items (id, board_id, title, description, status)
        VALUES
            ('019ab000-0000-7000-8000-000000000011', '{BoardId}', 'Run the application',
             'Start the AppHost and open the dashboard.', 'done'),
            ('019ab000-0000-7000-8000-000000000012', '{BoardId}', 'Add your first work item',
             'Create an item on this board and move it along.', 'in-progress'),
            ('019ab000-0000-7000-8000-000000000013', '{BoardId}', 'Deploy to AWS',
             'Synthesize the CDK app and deploy it.', 'todo')
        ON CONFLICT (id) DO NOTHING;
        """);

    public override void Down()
    {
    }
}
