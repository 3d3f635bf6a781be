using LearningWeek.Contracts.Planning;

namespace LearningWeek.EventSourcing.Following;

/// <summary>
/// A unit as a service that follows Planning knows it (a document keyed by the unit code): each
/// field set by the newest event that sets it, so an event delivered late never undoes a newer one.
/// </summary>
public sealed record KnownUnit
{
    /// <summary>The unit code.</summary>
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Kind { get; init; } = "";

    public string WardCode { get; init; } = "";

    public bool Active { get; init; } = true;

    public long NameSequence { get; init; }

    public long ActiveSequence { get; init; }

    public static KnownUnit Registered(KnownUnit? current, UnitRegistered e)
    {
        var unit = (current ?? new KnownUnit { Id = e.UnitCode }) with { Kind = e.Kind, WardCode = e.WardCode };
        if (e.SourceSequence > unit.NameSequence)
        {
            unit = unit with { Name = e.Name, NameSequence = e.SourceSequence };
        }

        return e.SourceSequence > unit.ActiveSequence ? unit with { Active = true, ActiveSequence = e.SourceSequence } : unit;
    }

    /// <summary>The unit renamed, or null when a newer event already set its name.</summary>
    public static KnownUnit? Renamed(KnownUnit? current, UnitRenamed e)
    {
        var unit = current ?? new KnownUnit { Id = e.UnitCode, WardCode = e.WardCode };
        return e.SourceSequence > unit.NameSequence ? unit with { Name = e.Name, NameSequence = e.SourceSequence } : null;
    }

    /// <summary>The unit deactivated, or null when a newer event already set whether it is active.</summary>
    public static KnownUnit? Deactivated(KnownUnit? current, UnitDeactivated e)
    {
        var unit = current ?? new KnownUnit { Id = e.UnitCode, WardCode = e.WardCode };
        return e.SourceSequence > unit.ActiveSequence ? unit with { Active = false, ActiveSequence = e.SourceSequence } : null;
    }
}
