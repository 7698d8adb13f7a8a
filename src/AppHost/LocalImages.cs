namespace AppDelivery.Aspire.AppHost;

internal static class LocalImages
{
    /// <summary>
    /// The PostgreSQL major the cloud database runs (Aurora PostgreSQL 17), so local and cloud behave alike.
    /// Aspire 13.4's default image is 18, which Aurora does not offer.
    /// </summary>
    public const string PostgresTag = "17.6";
}
