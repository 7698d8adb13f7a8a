namespace AppDelivery.Aspire.Api.WorkItems;

/// <summary>Outcome of an optimistic update: exactly one of the states below.</summary>
internal sealed record WorkItemUpdateResult(WorkItemDto? Updated, int? CurrentVersion)
{
    public static WorkItemUpdateResult NotFound { get; } = new(null, null);

    public bool IsNotFound => Updated is null && CurrentVersion is null;

    public bool IsConflict => Updated is null && CurrentVersion is not null;
}
