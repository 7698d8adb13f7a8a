namespace AppDelivery.Aspire.Deploy.Summary;

/// <summary>Monthly cost of one environment, and of the base stack every environment shares.</summary>
public sealed record CostEstimate(
    string Environment,
    PriceTable Prices,
    IReadOnlyList<CostLine> EnvironmentLines,
    IReadOnlyList<CostLine> SharedLines,
    decimal MonthlyBudgetUsd)
{
    public decimal EnvironmentTotal => EnvironmentLines.Sum(l => l.MonthlyUsd);

    public decimal SharedTotal => SharedLines.Sum(l => l.MonthlyUsd);
}
