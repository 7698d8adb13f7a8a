namespace AppDelivery.Aspire.LocalServers;

/// <summary>An error reply (<c>-ERR …</c>) from a Valkey/Redis server.</summary>
internal sealed class RespErrorException : Exception
{
    public RespErrorException()
    {
    }

    public RespErrorException(string message)
        : base(message)
    {
    }

    public RespErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
