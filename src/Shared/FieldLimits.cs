namespace AppDelivery.Aspire;

/// <summary>
/// Longest values the Api accepts and the Web's forms allow. The database's CHECK constraints hold the same
/// numbers as literals in the migrations, which never change once applied (a Migrations test compares them).
/// </summary>
public static class FieldLimits
{
    public const int BoardName = 100;
    public const int WorkItemTitle = 200;
    public const int WorkItemDescription = 2000;
}
