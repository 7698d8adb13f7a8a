using FluentMigrator;

namespace AppDelivery.Aspire.Migrations.Schema;

[Migration(202611231901, "Create work items")]
public sealed class CreateWorkItems : Migration
{
    public override void Up() => Execute.Sql(
        """
        CREATE TABLE work_items (
            id uuid PRIMARY KEY,
            board_id uuid NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
            title text NOT NULL CONSTRAINT work_items_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
            description text NULL CONSTRAINT work_items_description_length CHECK (char_length(description) <= 2000),
            status text NOT NULL DEFAULT 'todo'
                CONSTRAINT work_items_status_check CHECK (status IN ('todo', 'in-progress', 'done')),
            version integer NOT NULL DEFAULT 1,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        );

        CREATE INDEX ix_work_items_board_id_status_created_at ON work_items (board_id, status, created_at);
        """);

    public override void Down() => Execute.Sql("DROP TABLE work_items;");
}
