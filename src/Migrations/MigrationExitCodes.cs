namespace AppDelivery.Aspire.Migrations;

/// <summary>Exit codes of the migrations process; the AppHost treats any non-zero code as a failed migration.</summary>
public static class MigrationExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int MissingConfiguration = 2;
}
