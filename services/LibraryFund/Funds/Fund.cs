using LearningWeek.ApiDefaults.Http;
using LearningWeek.Documents;

namespace LearningWeek.LibraryFund.Funds;

/// <summary>
/// A plan's fund (quỹ), opened when Planning publishes PlanIssued: pledges under the plan go to
/// it, and its thank-you letters are issued in the name of the plan's issuing body.
/// </summary>
public sealed record Fund
{
    /// <summary>The plan's id.</summary>
    public Guid Id { get; init; }

    public string WardCode { get; init; } = "";

    public string Title { get; init; } = "";

    public int Year { get; init; }

    public string IssuingBody { get; init; } = "";

    public string ParentAuthority { get; init; } = "";

    public string Place { get; init; } = "";

    public DocumentSignature? Signature { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    /// <summary>Whether PlanIssued has arrived (a PlanClosed that overtook it leaves a fund without its header).</summary>
    public bool Issued { get; init; }

    /// <summary>When the plan was closed: its fund takes no new pledges (receipts and allocations of earlier ones go on).</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The key of a fund in receipts and ledgers: the plan's id, or the ward for gifts outside any plan.</summary>
    public static string Key(Guid? planId, string wardCode) => planId is { } id ? id.ToString() : $"ward:{wardCode}";
}

public static class KindNames
{
    public static string Of<T>(T value) where T : struct, Enum => KebabEnum.Name(value);
}
