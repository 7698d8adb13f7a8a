namespace AppDelivery.Aspire.Deploy.Summary;

/// <param name="Basis">How the amount was computed, e.g. <c>3 tasks x 0.25 vCPU x 282 h</c>.</param>
public sealed record CostLine(string Item, string Basis, decimal MonthlyUsd);
