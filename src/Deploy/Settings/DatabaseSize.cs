namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>Aurora Serverless v2 capacity; <paramref name="MinAcu"/> 0 lets the cluster pause.</summary>
public sealed record DatabaseSize(double MinAcu, double MaxAcu, int BackupRetentionDays);
