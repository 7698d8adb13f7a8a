using Microsoft.Extensions.Logging;

namespace AppDelivery.Aspire.Migrations;

internal static partial class MigrationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} migrations: {Migrations}")]
    public static partial void Applying(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated (profile: {Profile})")]
    public static partial void Migrated(ILogger logger, string? profile);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database migration failed")]
    public static partial void Failed(ILogger logger, Exception exception);
}
