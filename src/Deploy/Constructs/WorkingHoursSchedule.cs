using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.ECS;
using Constructs;
using TimeZone = Amazon.CDK.TimeZone;

namespace AppDelivery.Aspire.Deploy.Constructs;

/// <param name="MinCount">Task count bounds restored in the morning.</param>
public sealed record WorkingHoursScheduleProps(ScalableTaskCount Scaling, int MinCount, int MaxCount);

/// <summary>
/// Scales a non-production service to zero tasks at 20:00 UTC on weekdays and back at 07:00 UTC
/// Monday to Friday, so it is off at night and over the weekend.
/// </summary>
public sealed class WorkingHoursSchedule : Construct
{
    public const string StopHourUtc = "20";
    public const string StartHourUtc = "7";
    public const string WorkingDays = "MON-FRI";

    public WorkingHoursSchedule(Construct scope, string id, WorkingHoursScheduleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Scaling.ScaleOnSchedule($"{id}Stop", new ScalingSchedule
        {
            Schedule = Schedule.Cron(new CronOptions { Minute = "0", Hour = StopHourUtc, WeekDay = WorkingDays }),
            TimeZone = TimeZone.ETC_UTC,
            MinCapacity = 0,
            MaxCapacity = 0,
        });
        props.Scaling.ScaleOnSchedule($"{id}Start", new ScalingSchedule
        {
            Schedule = Schedule.Cron(new CronOptions { Minute = "0", Hour = StartHourUtc, WeekDay = WorkingDays }),
            TimeZone = TimeZone.ETC_UTC,
            MinCapacity = props.MinCount,
            MaxCapacity = props.MaxCount,
        });
    }
}
