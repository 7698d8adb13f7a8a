namespace AppDelivery.Aspire.AppHost.Tests.RunMode;

/// <summary>
/// One running stack at a time, and nothing else beside it: each starts an orchestrator, servers and three
/// services, and on two cores stacks started in parallel starve the orchestrator past its own timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunningStacks
{
    public const string Name = "Running stacks";
}
