namespace LearningWeek.Planning.Units;

/// <summary>The kinds of unit in a ward (đơn vị).</summary>
public enum UnitKind
{
    /// <summary>Trường mầm non.</summary>
    Kindergarten,

    /// <summary>Trường tiểu học.</summary>
    Primary,

    /// <summary>Trường trung học cơ sở (THCS).</summary>
    LowerSecondary,

    /// <summary>Ủy ban MTTQ Việt Nam.</summary>
    FatherlandFront,

    /// <summary>Tổ chức đoàn thể (women's union, youth union, veterans, study promotion, …).</summary>
    MassOrganisation,

    /// <summary>Nhà văn hoá tổ dân phố.</summary>
    CultureHouse,

    /// <summary>Cơ quan (the ward's own offices).</summary>
    Office,
}

public sealed record UnitRegistered(Guid UnitId, string Code, string Name, UnitKind Kind, string WardCode, DateTimeOffset RegisteredAt, string RegisteredBy);

public sealed record UnitRenamed(Guid UnitId, string Code, string WardCode, string Name, DateTimeOffset RenamedAt, string RenamedBy);

public sealed record UnitDeactivated(Guid UnitId, string Code, string WardCode, string Reason, DateTimeOffset DeactivatedAt, string DeactivatedBy);

/// <summary>A unit as its stream tells it; also the read model (an inline snapshot).</summary>
public sealed record Unit(
    Guid Id,
    string Code,
    string Name,
    UnitKind Kind,
    string WardCode,
    bool Active,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? DeactivatedAt,
    string? DeactivationReason)
{
    public long Version { get; set; }

    /// <summary>The stream of the unit with this code: one code, one stream.</summary>
    public static Guid StreamId(string code) => EventSourcing.StreamIds.For("unit", code);

    public static Unit Create(UnitRegistered e) =>
        new(e.UnitId, e.Code, e.Name, e.Kind, e.WardCode, Active: true, e.RegisteredAt, DeactivatedAt: null, DeactivationReason: null);

    public Unit Apply(UnitRenamed e) => this with { Name = e.Name };

    public Unit Apply(UnitDeactivated e) => this with { Active = false, DeactivatedAt = e.DeactivatedAt, DeactivationReason = e.Reason };
}
