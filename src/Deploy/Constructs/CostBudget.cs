using Amazon.CDK.AWS.Budgets;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace AppDelivery.Aspire.Deploy.Constructs;

public sealed record CostBudgetProps
{
    public required string Name { get; init; }

    public required decimal MonthlyUsd { get; init; }

    /// <summary>Value of the <c>Environment</c> cost allocation tag the budget filters on.</summary>
    public required string EnvironmentTag { get; init; }

    public required ITopic Topic { get; init; }

    public required string? Email { get; init; }
}

/// <summary>
/// A monthly cost budget of one environment with alerts at 80% and 100% of actual spend. It filters on
/// the <c>Environment</c> tag, which must be activated once as a cost allocation tag in Billing.
/// </summary>
public sealed class CostBudget : Construct
{
    public static readonly IReadOnlyList<int> AlertPercentages = [80, 100];

    public CostBudget(Construct scope, string id, CostBudgetProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (props.MonthlyUsd <= 0)
        {
            throw new ArgumentException($"Budget {props.Name}: the monthly amount must be positive.", nameof(props));
        }

        var subscribers = new List<CfnBudget.SubscriberProperty>
        {
            new() { SubscriptionType = "SNS", Address = props.Topic.TopicArn },
        };
        if (props.Email is { } email)
        {
            subscribers.Add(new CfnBudget.SubscriberProperty { SubscriptionType = "EMAIL", Address = email });
        }

        Budget = new CfnBudget(this, "Budget", new CfnBudgetProps
        {
            Budget = new CfnBudget.BudgetDataProperty
            {
                BudgetName = props.Name,
                BudgetType = "COST",
                TimeUnit = "MONTHLY",
                BudgetLimit = new CfnBudget.SpendProperty { Amount = (double)props.MonthlyUsd, Unit = "USD" },
                CostFilters = new Dictionary<string, object>
                {
                    ["TagKeyValue"] = new[] { $"user:Environment${props.EnvironmentTag}" },
                },
            },
            NotificationsWithSubscribers = AlertPercentages.Select(p => (object)new CfnBudget.NotificationWithSubscribersProperty
            {
                Notification = new CfnBudget.NotificationProperty
                {
                    NotificationType = "ACTUAL",
                    ComparisonOperator = "GREATER_THAN",
                    Threshold = p,
                    ThresholdType = "PERCENTAGE",
                },
                Subscribers = subscribers.ToArray(),
            }).ToArray(),
        });
    }

    public CfnBudget Budget { get; }
}
