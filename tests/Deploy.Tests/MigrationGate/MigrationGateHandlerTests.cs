using AppDelivery.Aspire.Deploy.Tests.Nag;
using AppDelivery.Aspire.Deploy.Tests.Settings;

namespace AppDelivery.Aspire.Deploy.Tests.MigrationGate;

/// <summary>The gate's Lambda handler is JavaScript: its decisions are tested by node's own test runner.</summary>
public sealed class MigrationGateHandlerTests
{
    [Fact]
    public void Handler_passes_its_node_tests_so_a_rollback_never_runs_the_job()
    {
        var (exitCode, stdout, stderr) = NagRun.Run(
            RepositoryPaths.Root, "node", ["--test", Path.Combine("tests", "Deploy.Tests", "MigrationGate") + "/"], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, $"node --test exited {exitCode}:\n{stdout}\n{stderr}");
        Assert.Contains("# fail 0", stdout, StringComparison.Ordinal);
        Assert.Matches(@"# pass [1-9]\d*", stdout);
        Assert.Contains("a rollback succeeds without starting a task", stdout, StringComparison.Ordinal);
    }
}
