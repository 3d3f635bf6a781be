namespace LearningWeek.Testing;

/// <summary>
/// A clock a test can set to any moment (the week of the plan, the deadline day) while time keeps
/// running from there: only "now" moves, timers and delays stay real, so the event store's daemon
/// and the bus go on working as in production.
/// </summary>
public sealed class TravellingClock : TimeProvider
{
    private long _offsetTicks;

    public DateTimeOffset Now
    {
        get => GetUtcNow();
        set => Interlocked.Exchange(ref _offsetTicks, (value - System.GetUtcNow()).Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
