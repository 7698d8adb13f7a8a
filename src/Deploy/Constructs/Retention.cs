using Amazon.CDK.AWS.Logs;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <summary>Maps the settings' retention in days to one CloudWatch Logs accepts, failing with the allowed list.</summary>
public static class Retention
{
    private static readonly Dictionary<int, RetentionDays> Allowed = new()
    {
        [1] = RetentionDays.ONE_DAY,
        [3] = RetentionDays.THREE_DAYS,
        [5] = RetentionDays.FIVE_DAYS,
        [7] = RetentionDays.ONE_WEEK,
        [14] = RetentionDays.TWO_WEEKS,
        [30] = RetentionDays.ONE_MONTH,
        [60] = RetentionDays.TWO_MONTHS,
        [90] = RetentionDays.THREE_MONTHS,
        [120] = RetentionDays.FOUR_MONTHS,
        [150] = RetentionDays.FIVE_MONTHS,
        [180] = RetentionDays.SIX_MONTHS,
        [365] = RetentionDays.ONE_YEAR,
        [400] = RetentionDays.THIRTEEN_MONTHS,
        [545] = RetentionDays.EIGHTEEN_MONTHS,
        [731] = RetentionDays.TWO_YEARS,
        [1827] = RetentionDays.FIVE_YEARS,
        [3653] = RetentionDays.TEN_YEARS,
    };

    public static RetentionDays FromDays(int days) =>
        Allowed.TryGetValue(days, out var retention)
            ? retention
            : throw new ArgumentOutOfRangeException(
                nameof(days),
                days,
                $"CloudWatch Logs retention must be one of {string.Join(", ", Allowed.Keys)} days.");
}
