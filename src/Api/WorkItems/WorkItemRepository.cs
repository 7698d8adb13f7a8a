using AppDelivery.Aspire.Api.Paging;
using Npgsql;

namespace AppDelivery.Aspire.Api.WorkItems;

internal sealed class WorkItemRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, board_id, title, description, status, version, created_at, updated_at";

    /// <summary>Inserts the item, or returns null when the board does not exist.</summary>
    public async Task<WorkItemDto?> CreateAsync(
        Guid boardId, string title, string? description, string status, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO work_items (id, board_id, title, description, status)
            SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM boards WHERE id = $2)
            RETURNING {Columns}
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = boardId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = title });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = description });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<WorkItemDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM work_items WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await ReadSingleAsync(command, cancellationToken);
    }

    public async Task<PagedResult<WorkItemDto>> ListAsync(
        Guid boardId, string? status, PageRequest page, CancellationToken cancellationToken)
    {
        const string Filter = "board_id = $1 AND ($2::text IS NULL OR status = $2)";
        await using var batch = dataSource.CreateBatch();
        var countCommand = new NpgsqlBatchCommand($"SELECT count(*) FROM work_items WHERE {Filter}");
        AddFilterParameters(countCommand, boardId, status);
        batch.BatchCommands.Add(countCommand);
        var listCommand = new NpgsqlBatchCommand(
            $"SELECT {Columns} FROM work_items WHERE {Filter} ORDER BY created_at, id LIMIT $3 OFFSET $4");
        AddFilterParameters(listCommand, boardId, status);
        batch.BatchCommands.Add(listCommand.WithPage(page));
        return await batch.ReadPageAsync(page, Read, cancellationToken);
    }

    /// <summary>Replaces the item only if it still has <paramref name="expectedVersion"/>, bumping the version.</summary>
    public async Task<WorkItemUpdateResult> UpdateAsync(
        Guid id, string title, string? description, string status, int expectedVersion, CancellationToken cancellationToken)
    {
        await using (var command = dataSource.CreateCommand($"""
            UPDATE work_items
            SET title = $3, description = $4, status = $5, version = version + 1, updated_at = now()
            WHERE id = $1 AND version = $2
            RETURNING {Columns}
            """))
        {
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = expectedVersion });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = title });
            command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = description });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
            if (await ReadSingleAsync(command, cancellationToken) is { } updated)
            {
                return new WorkItemUpdateResult(updated, updated.Version);
            }
        }

        await using var versionCommand = dataSource.CreateCommand("SELECT version FROM work_items WHERE id = $1");
        versionCommand.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await versionCommand.ExecuteScalarAsync(cancellationToken) is int currentVersion
            ? new WorkItemUpdateResult(null, currentVersion)
            : WorkItemUpdateResult.NotFound;
    }

    /// <summary>Deletes the item and returns its board id, or null when it did not exist.</summary>
    public async Task<Guid?> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM work_items WHERE id = $1 RETURNING board_id");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid boardId ? boardId : null;
    }

    private static void AddFilterParameters(NpgsqlBatchCommand command, Guid boardId, string? status)
    {
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = boardId });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = status });
    }

    private static async Task<WorkItemDto?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static WorkItemDto Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        reader.GetInt32(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetFieldValue<DateTimeOffset>(7));
}
