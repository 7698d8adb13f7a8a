namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>Fargate task size and counts. <paramref name="Cpu"/> in CPU units (256 = 0.25 vCPU).</summary>
public sealed record ServiceSize(int Cpu, int MemoryMiB, int DesiredCount, int MinCount, int MaxCount);
