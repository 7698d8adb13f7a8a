namespace AppDelivery.Aspire.Deploy.Settings;

/// <summary>The CPU and memory combinations Fargate accepts for Linux tasks (platform 1.4.0).</summary>
public static class FargateTaskSizes
{
    private static readonly IReadOnlyDictionary<int, (int MinMiB, int MaxMiB, int StepMiB)> MemoryByCpu =
        new Dictionary<int, (int, int, int)>
        {
            [256] = (512, 2048, 512),
            [512] = (1024, 4096, 1024),
            [1024] = (2048, 8192, 1024),
            [2048] = (4096, 16384, 1024),
            [4096] = (8192, 30720, 1024),
            [8192] = (16384, 61440, 4096),
            [16384] = (32768, 122880, 8192),
        };

    public static IEnumerable<int> CpuUnits => MemoryByCpu.Keys;

    public static bool IsValidCpu(int cpu) => MemoryByCpu.ContainsKey(cpu);

    public static bool IsValid(int cpu, int memoryMiB) =>
        MemoryByCpu.TryGetValue(cpu, out var range)
        && memoryMiB >= range.MinMiB
        && memoryMiB <= range.MaxMiB
        && (memoryMiB - range.MinMiB) % range.StepMiB == 0
        && (cpu != 256 || memoryMiB != 1536);

    /// <summary>E.g. <c>512, 1024 or 2048</c> for 256 CPU units.</summary>
    public static string DescribeMemoryFor(int cpu)
    {
        var (min, max, step) = MemoryByCpu[cpu];
        var values = Enumerable.Range(0, ((max - min) / step) + 1).Select(i => min + (i * step));
        if (cpu == 256)
        {
            values = values.Where(v => v != 1536);
        }

        return string.Join(", ", values);
    }
}
