using System.Text.Json.Serialization;

namespace LearningWeek.LibraryFund.Pledges;

public enum DonorKind
{
    /// <summary>Tổ chức, doanh nghiệp.</summary>
    Organisation,

    /// <summary>Cá nhân.</summary>
    Individual,

    /// <summary>Ban đại diện cha mẹ học sinh.</summary>
    ParentsAssociation,
}

public enum GiftKind
{
    /// <summary>Tiền (VND).</summary>
    Money,

    /// <summary>Sách (cuốn).</summary>
    Books,

    /// <summary>Thiết bị (chiếc).</summary>
    Equipment,

    /// <summary>Tài nguyên số.</summary>
    Digital,
}

/// <summary>The donor. The contact is personal data: kept for the ward's own follow-up, never shown publicly or published.</summary>
public sealed record Donor(DonorKind Kind, string Name, string? Contact);

/// <summary>What is pledged: an amount of VND, or a number of books, pieces of equipment or digital resources with their estimated value.</summary>
public sealed record Gift(GiftKind Kind, string Description, long Quantity, long EstimatedValueVnd, IReadOnlyList<string> Titles)
{
    [JsonIgnore]
    public bool IsMoney => Kind == GiftKind.Money;

    /// <summary>The value of part of the gift: the amount itself for money, a proportional share of the estimate otherwise.</summary>
    public long ValueOf(long quantity) => IsMoney ? quantity : Quantity == 0 ? 0 : (long)((decimal)EstimatedValueVnd * quantity / Quantity);
}

public sealed record DonationPledged(
    Guid PledgeId, Guid? PlanId, string WardCode, Donor Donor, Gift Gift, string? BeneficiaryUnitCode, Guid? BookshelfId, DateTimeOffset PledgedAt, string PledgedBy);

public sealed record DonationReceived(
    Guid PledgeId, Guid? PlanId, string WardCode, GiftKind GiftKind, string ReceiptNumber, DateOnly ReceivedOn, long Quantity, long ValueVnd,
    bool OverDelivery, string? Note, DateTimeOffset ReceivedAt, string ReceivedBy);

public sealed record DonationAllocated(
    Guid PledgeId, Guid? PlanId, string WardCode, GiftKind GiftKind, Guid BookshelfId, long Quantity, long ValueVnd, DateTimeOffset AllocatedAt, string AllocatedBy);

public sealed record PledgeCancelled(
    Guid PledgeId, Guid? PlanId, string WardCode, GiftKind GiftKind, long UnreceivedQuantity, long UnreceivedValueVnd, string Reason,
    DateTimeOffset CancelledAt, string CancelledBy);

public sealed record Receipt(string Number, DateOnly ReceivedOn, long Quantity, long ValueVnd, bool OverDelivery, string? Note);

public sealed record Allocation(Guid BookshelfId, long Quantity, long ValueVnd, DateTimeOffset AllocatedAt);

/// <summary>A pledge (cam kết tài trợ) with what arrived and where it went; also the read model (an inline snapshot).</summary>
public sealed record Pledge(
    Guid Id,
    Guid? PlanId,
    string WardCode,
    Donor Donor,
    Gift Gift,
    string? BeneficiaryUnitCode,
    Guid? BookshelfId,
    DateTimeOffset PledgedAt,
    long Received,
    long ReceivedValueVnd,
    long Allocated,
    long AllocatedValueVnd,
    bool Cancelled,
    string? CancellationReason,
    IReadOnlyList<Receipt> Receipts,
    IReadOnlyList<Allocation> Allocations)
{
    public long Version { get; set; }

    /// <summary>What arrived and is not yet allocated.</summary>
    public long Unallocated => Received - Allocated;

    /// <summary>
    /// The value of a receipt: the part within the pledge at its share of the estimate, the part
    /// that completes the pledge taking what is left (so receipts add up to the estimate exactly),
    /// and anything beyond the pledge at the same rate.
    /// </summary>
    public long ValueOfReceipt(long quantity)
    {
        var within = Math.Clamp(Gift.Quantity - Received, 0, quantity);
        if (within == 0)
        {
            return Gift.ValueOf(quantity);
        }

        var withinValue = Received + within == Gift.Quantity ? Gift.EstimatedValueVnd - ReceivedValueVnd : Gift.ValueOf(within);
        return withinValue + Gift.ValueOf(quantity - within);
    }

    public static Pledge Create(DonationPledged e) =>
        new(e.PledgeId, e.PlanId, e.WardCode, e.Donor, e.Gift, e.BeneficiaryUnitCode, e.BookshelfId, e.PledgedAt, 0, 0, 0, 0, false, null, [], []);

    public Pledge Apply(DonationReceived e) => this with
    {
        Received = Received + e.Quantity,
        ReceivedValueVnd = ReceivedValueVnd + e.ValueVnd,
        Receipts = [.. Receipts, new Receipt(e.ReceiptNumber, e.ReceivedOn, e.Quantity, e.ValueVnd, e.OverDelivery, e.Note)],
    };

    public Pledge Apply(DonationAllocated e) => this with
    {
        Allocated = Allocated + e.Quantity,
        AllocatedValueVnd = AllocatedValueVnd + e.ValueVnd,
        Allocations = [.. Allocations, new Allocation(e.BookshelfId, e.Quantity, e.ValueVnd, e.AllocatedAt)],
    };

    public Pledge Apply(PledgeCancelled e) => this with { Cancelled = true, CancellationReason = e.Reason };
}

/// <summary>A receipt number taken within a fund: the document id is what keeps it unique (letter case aside: PT-01 and pt-01 are one number).</summary>
public sealed record ReceiptNumberClaim(string Id, Guid PledgeId)
{
    public static string Key(Guid? planId, string wardCode, string number) => $"{Funds.Fund.Key(planId, wardCode)}|{number.ToUpperInvariant()}";
}
