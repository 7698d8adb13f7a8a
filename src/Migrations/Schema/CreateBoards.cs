using FluentMigrator;

namespace AppDelivery.Aspire.Migrations.Schema;

[Migration(202611231900, "Create boards")]
public sealed class CreateBoards : Migration
{
    public override void Up() => Execute.Sql(
        """
        CREATE TABLE boards (
            id uuid PRIMARY KEY,
            name text NOT NULL CONSTRAINT boards_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
            created_at timestamptz NOT NULL DEFAULT now(),
            version integer NOT NULL DEFAULT 1
        );
        """);

    public override void Down() => Execute.Sql("DROP TABLE boards;");
}
