using AppDelivery.Aspire.Api.Paging;
using Npgsql;

namespace AppDelivery.Aspire.Api.Boards;

internal sealed class BoardRepository(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, name, created_at, version";

    public async Task<BoardDto> CreateAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO boards (id, name) VALUES ($1, $2) RETURNING {Columns}");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    public async Task<BoardDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM boards WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<PagedResult<BoardDto>> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT count(*) FROM boards"));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT {Columns} FROM boards ORDER BY created_at, id LIMIT $1 OFFSET $2").WithPage(page));
        return await batch.ReadPageAsync(page, Read, cancellationToken);
    }

    private static BoardDto Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        reader.GetInt32(3));
}
