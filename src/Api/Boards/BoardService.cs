//#if (cache)
using AppDelivery.Aspire.Api.Caching;
//#endif
using AppDelivery.Aspire.Api.Paging;

namespace AppDelivery.Aspire.Api.Boards;

//#if (cache)
/// <summary>Boards with cache-aside reads by id.</summary>
internal sealed class BoardService(BoardRepository repository, ResilientCache cache)
{
    public async Task<BoardDto> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var board = await repository.CreateAsync(name, cancellationToken);
        await cache.SetAsync(CacheKeys.Board(board.Id), board, CacheKeys.BoardTimeToLive);
        return board;
    }

    public async Task<BoardDto?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = CacheKeys.Board(id);
        var cached = await cache.GetAsync<BoardDto>(key);
        if (cached is not null)
        {
            return cached;
        }

        var board = await repository.FindAsync(id, cancellationToken);
        if (board is not null)
        {
            await cache.SetAsync(key, board, CacheKeys.BoardTimeToLive);
        }

        return board;
    }
//#endif
#if (noCache)
/// <summary>Boards, read from and written to PostgreSQL.</summary>
internal sealed class BoardService(BoardRepository repository)
{
    public Task<BoardDto> CreateAsync(string name, CancellationToken cancellationToken) =>
        repository.CreateAsync(name, cancellationToken);

    public Task<BoardDto?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        repository.FindAsync(id, cancellationToken);
#endif

    public Task<PagedResult<BoardDto>> ListAsync(PageRequest page, CancellationToken cancellationToken) =>
        repository.ListAsync(page, cancellationToken);
}
