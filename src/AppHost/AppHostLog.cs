using AppDelivery.Aspire.AppHost.LocalServers;
using Microsoft.Extensions.Logging;

namespace AppDelivery.Aspire.AppHost;

internal static partial class AppHostLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Resource}: {Url}")]
    public static partial void ResourceUrl(ILogger logger, string resource, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Installed} runs here; the deployment runs {Cloud}. Install {Cloud} for parity, or set " + LocalServerModeConfiguration.Key + "=containers.")]
    public static partial void VersionDiffersFromCloud(ILogger logger, string installed, string cloud);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    public static partial void PipelineOutput(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created a PostgreSQL {MajorVersion} data directory in {DataPath}")]
    public static partial void CreatedDataDirectory(ILogger logger, int majorVersion, string dataPath);
}
