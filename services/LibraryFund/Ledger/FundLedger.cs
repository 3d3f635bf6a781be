using JasperFx.Events;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.Pledges;
using Marten.Events.Projections;

namespace LearningWeek.LibraryFund.Ledger;

/// <summary>
/// One fund of the public ledger (sổ công khai): which plan and ward, and how up to date it is. Its
/// pledges are <see cref="LedgerLine"/> documents of their own, so that an event rewrites only its
/// pledge's line, never the whole fund's history.
/// </summary>
public sealed class FundLedger
{
    /// <summary>The fund's key (<see cref="Fund.Key"/>).</summary>
    public string Id { get; set; } = "";

    public Guid? PlanId { get; set; }

    public string WardCode { get; set; } = "";

    /// <summary>The last event in the ledger: how up to date it is.</summary>
    public long LastSequence { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>
/// One pledge in the public ledger: what was pledged, received, allocated and cancelled, with the
/// events it was built from. Built without donors' contacts, and without the names of individual
/// donors, so nothing personal can leak.
/// </summary>
public sealed class LedgerLine
{
    /// <summary>The pledge's id.</summary>
    public Guid Id { get; set; }

    public Guid PledgeId { get; set; }

    /// <summary>The fund's key (<see cref="Fund.Key"/>).</summary>
    public string FundKey { get; set; } = "";

    public DonorKind DonorKind { get; set; }

    /// <summary>An organisation's or association's name; null for an individual (personal data).</summary>
    public string? DonorName { get; set; }

    public GiftKind GiftKind { get; set; }

    public string Description { get; set; } = "";

    public string? BeneficiaryUnitCode { get; set; }

    public DateTimeOffset PledgedAt { get; set; }

    public long Pledged { get; set; }

    public long PledgedValueVnd { get; set; }

    public long Received { get; set; }

    public long ReceivedValueVnd { get; set; }

    public long Allocated { get; set; }

    public long AllocatedValueVnd { get; set; }

    public bool Cancelled { get; set; }

    /// <summary>What will not come because the pledge was cancelled.</summary>
    public long Withdrawn { get; set; }

    public long WithdrawnValueVnd { get; set; }

    public List<LedgerAllocation> Allocations { get; set; } = [];

    public List<LedgerEntry> Entries { get; set; } = [];
}

public sealed record LedgerAllocation(Guid BookshelfId, long Quantity, long ValueVnd);

/// <summary>One event behind a ledger line: its sequence and id in the fund's event store, and what it moved.</summary>
public sealed record LedgerEntry(
    long Sequence, Guid EventId, string Type, DateTimeOffset OccurredAt, long Quantity, long ValueVnd, string? ReceiptNumber, DateOnly? ReceivedOn, Guid? BookshelfId);

/// <summary>The funds of the ledger: one small document per fund, the same size after every event (async).</summary>
public sealed class FundLedgerProjection : MultiStreamProjection<FundLedger, string>
{
    public FundLedgerProjection()
    {
        Identity<DonationPledged>(e => Fund.Key(e.PlanId, e.WardCode));
        Identity<DonationReceived>(e => Fund.Key(e.PlanId, e.WardCode));
        Identity<DonationAllocated>(e => Fund.Key(e.PlanId, e.WardCode));
        Identity<PledgeCancelled>(e => Fund.Key(e.PlanId, e.WardCode));
    }

    public void Apply(IEvent<DonationPledged> stored, FundLedger ledger)
    {
        ledger.PlanId = stored.Data.PlanId;
        ledger.WardCode = stored.Data.WardCode;
        Touch(ledger, stored);
    }

    public void Apply(IEvent<DonationReceived> stored, FundLedger ledger) => Touch(ledger, stored);

    public void Apply(IEvent<DonationAllocated> stored, FundLedger ledger) => Touch(ledger, stored);

    public void Apply(IEvent<PledgeCancelled> stored, FundLedger ledger) => Touch(ledger, stored);

    private static void Touch(FundLedger ledger, IEvent stored)
    {
        ledger.LastSequence = Math.Max(ledger.LastSequence, stored.Sequence);
        ledger.UpdatedAt = stored.Timestamp;
    }
}

/// <summary>Each pledge's line of the ledger: its receipts, allocations and cancellation, in event order (async).</summary>
public sealed class LedgerLineProjection : MultiStreamProjection<LedgerLine, Guid>
{
    public LedgerLineProjection()
    {
        Identity<DonationPledged>(e => e.PledgeId);
        Identity<DonationReceived>(e => e.PledgeId);
        Identity<DonationAllocated>(e => e.PledgeId);
        Identity<PledgeCancelled>(e => e.PledgeId);
    }

    public void Apply(IEvent<DonationPledged> stored, LedgerLine line)
    {
        var e = stored.Data;
        if (line.Entries.Count > 0)
        {
            return;
        }

        line.Id = e.PledgeId;
        line.PledgeId = e.PledgeId;
        line.FundKey = Fund.Key(e.PlanId, e.WardCode);
        line.DonorKind = e.Donor.Kind;
        line.DonorName = e.Donor.Kind == DonorKind.Individual ? null : e.Donor.Name;
        line.GiftKind = e.Gift.Kind;
        line.Description = e.Gift.Description;
        line.BeneficiaryUnitCode = e.BeneficiaryUnitCode;
        line.PledgedAt = e.PledgedAt;
        line.Pledged = e.Gift.Quantity;
        line.PledgedValueVnd = e.Gift.EstimatedValueVnd;
        line.Entries = [Entry(stored, "donation-pledged", e.Gift.Quantity, e.Gift.EstimatedValueVnd)];
    }

    public void Apply(IEvent<DonationReceived> stored, LedgerLine line)
    {
        var e = stored.Data;
        line.Received += e.Quantity;
        line.ReceivedValueVnd += e.ValueVnd;
        line.Entries.Add(Entry(stored, "donation-received", e.Quantity, e.ValueVnd) with { ReceiptNumber = e.ReceiptNumber, ReceivedOn = e.ReceivedOn });
    }

    public void Apply(IEvent<DonationAllocated> stored, LedgerLine line)
    {
        var e = stored.Data;
        line.Allocated += e.Quantity;
        line.AllocatedValueVnd += e.ValueVnd;
        var index = line.Allocations.FindIndex(allocation => allocation.BookshelfId == e.BookshelfId);
        if (index < 0)
        {
            line.Allocations.Add(new LedgerAllocation(e.BookshelfId, e.Quantity, e.ValueVnd));
        }
        else
        {
            var previous = line.Allocations[index];
            line.Allocations[index] = previous with { Quantity = previous.Quantity + e.Quantity, ValueVnd = previous.ValueVnd + e.ValueVnd };
        }

        line.Entries.Add(Entry(stored, "donation-allocated", e.Quantity, e.ValueVnd) with { BookshelfId = e.BookshelfId });
    }

    public void Apply(IEvent<PledgeCancelled> stored, LedgerLine line)
    {
        var e = stored.Data;
        line.Cancelled = true;
        line.Withdrawn = e.UnreceivedQuantity;
        line.WithdrawnValueVnd = e.UnreceivedValueVnd;
        line.Entries.Add(Entry(stored, "pledge-cancelled", e.UnreceivedQuantity, e.UnreceivedValueVnd));
    }

    private static LedgerEntry Entry(IEvent stored, string type, long quantity, long value) =>
        new(stored.Sequence, stored.Id, type, stored.Timestamp, quantity, value, null, null, null);
}
