using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.Pledges;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund.Ledger;

/// <summary>
/// Pledged, received, allocated; the balance (received, not yet allocated); what is still to come
/// (outstanding) and what a cancellation took back (withdrawn). In VND for money and values, in
/// books, pieces or resources for quantities.
/// </summary>
public sealed record Figures(long Pledged, long Received, long Allocated, long Balance, long Outstanding, long Withdrawn)
{
    public static readonly Figures Zero = new(0, 0, 0, 0, 0, 0);

    public static Figures Quantities(LedgerLine line) => Of(line.Pledged, line.Received, line.Allocated, line.Withdrawn);

    public static Figures Values(LedgerLine line) => Of(line.PledgedValueVnd, line.ReceivedValueVnd, line.AllocatedValueVnd, line.WithdrawnValueVnd);

    public static Figures Sum(IEnumerable<Figures> figures) => figures.Aggregate(Zero, (sum, next) => sum + next);

    public static Figures operator +(Figures a, Figures b) => new(
        a.Pledged + b.Pledged, a.Received + b.Received, a.Allocated + b.Allocated, a.Balance + b.Balance, a.Outstanding + b.Outstanding, a.Withdrawn + b.Withdrawn);

    private static Figures Of(long pledged, long received, long allocated, long withdrawn) =>
        new(pledged, received, allocated, received - allocated, Math.Max(pledged - received - withdrawn, 0), withdrawn);
}

/// <summary>Money apart from gifts in kind: cash in VND; books, equipment and digital resources by count, with their estimated value.</summary>
public sealed record LedgerTotals(int Pledges, int CancelledPledges, Figures CashVnd, Figures InKindValueVnd, Figures Books, Figures Equipment, Figures DigitalResources);

public sealed record DonorKindRow(DonorKind Kind, string Name, int Pledges, Figures CashVnd, Figures InKindValueVnd);

public sealed record BeneficiaryRow(string? UnitCode, string UnitName, int Pledges, Figures CashVnd, Figures InKindValueVnd);

public sealed record GiftKindRow(GiftKind Kind, string Name, string Unit, int Pledges, Figures Quantity, Figures ValueVnd);

/// <summary>What donations brought to one bookshelf (allocations).</summary>
public sealed record BookshelfRow(
    Guid BookshelfId, string Name, string Location, string HostUnitCode, BookshelfKind? Kind, long CashVnd, long Books, long Equipment, long DigitalResources, long InKindValueVnd);

public sealed record LedgerEntryResponse(
    long Sequence, Guid EventId, string Type, DateTimeOffset OccurredAt, string OccurredAtText, long Quantity, long ValueVnd,
    string? ReceiptNumber, string? ReceivedOnText, Guid? BookshelfId);

/// <summary>One pledge in the public ledger: the donor as shown publicly (no contact; an individual is not named) and its events.</summary>
public sealed record LedgerLineResponse(
    Guid PledgeId, DonorKind DonorKind, string Donor, GiftKind GiftKind, string Description, string? BeneficiaryUnitCode, string PledgedOnText,
    Figures Quantity, Figures ValueVnd, bool Cancelled, IReadOnlyList<LedgerAllocation> Allocations, IReadOnlyList<LedgerEntryResponse> Entries);

public sealed record LedgerSection(
    LedgerTotals Totals, IReadOnlyList<DonorKindRow> ByDonorKind, IReadOnlyList<BeneficiaryRow> ByBeneficiary,
    IReadOnlyList<BookshelfRow> ByBookshelf, IReadOnlyList<GiftKindRow> ByGiftKind);

public sealed record FundLedgerResponse(
    string FundKey, Guid? PlanId, string WardCode, string Title, long LastSequence, string? UpdatedAtText, LedgerSection Summary,
    IReadOnlyList<LedgerLineResponse> Lines);

/// <summary>The ledger; <c>More</c> says that more than <see cref="ReadLedger.MaxFunds"/> funds matched (narrow with planId or wardCode).</summary>
public sealed record LedgerResponse(string Note, LedgerSection Overall, IReadOnlyList<FundLedgerResponse> Funds, bool More);

/// <summary>
/// GET /ledger: the public ledger, per fund and overall, for anyone (no token): pledged, received,
/// allocated and balance by donor kind, beneficiary unit, bookshelf and kind of gift, with every
/// line traceable to its events.
/// </summary>
public static class ReadLedger
{
    public const int MaxFunds = 500;

    public const string IndividualDonor = "Cá nhân (không công khai tên)";

    public static readonly IReadOnlyDictionary<DonorKind, string> DonorKindNames = new Dictionary<DonorKind, string>
    {
        [DonorKind.Organisation] = "Tổ chức, doanh nghiệp",
        [DonorKind.Individual] = "Cá nhân",
        [DonorKind.ParentsAssociation] = "Ban đại diện cha mẹ học sinh",
    };

    public static readonly IReadOnlyDictionary<GiftKind, (string Name, string Unit)> GiftKindNames = new Dictionary<GiftKind, (string, string)>
    {
        [GiftKind.Money] = ("Tiền mặt", "đồng"),
        [GiftKind.Books] = ("Sách", "cuốn"),
        [GiftKind.Equipment] = ("Thiết bị", "chiếc"),
        [GiftKind.Digital] = ("Tài nguyên số", "tài nguyên"),
    };

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/ledger", Handle)
            .AllowAnonymous()
            .WithName("GetLedger")
            .WithSummary("The public ledger per fund and overall (filter by planId or wardCode); no personal data");

    private static async Task<Results<Ok<LedgerResponse>, ValidationProblem>> Handle(
        IQuerySession session, CancellationToken cancellationToken, Guid? planId = null, string? wardCode = null)
    {
        if (wardCode is { Length: > 20 } || (wardCode is not null && !wardCode.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return LibraryFundProblems.BadQuery("wardCode", "Mã phường không hợp lệ.");
        }

        var query = session.Query<FundLedger>().AsQueryable();
        if (planId is { } plan)
        {
            query = query.Where(ledger => ledger.PlanId == plan);
        }

        if (wardCode is not null)
        {
            query = query.Where(ledger => ledger.WardCode == wardCode);
        }

        var matched = await query.OrderBy(ledger => ledger.Id).Take(MaxFunds + 1).ToListAsync(cancellationToken);
        var ledgers = matched.Take(MaxFunds).ToList();
        var planIds = ledgers.Select(ledger => ledger.PlanId).OfType<Guid>().ToArray();
        var funds = (await session.LoadManyAsync<Fund>(cancellationToken, planIds)).ToDictionary(fund => fund.Id);
        var lines = ledgers.SelectMany(ledger => ledger.Lines).ToList();
        var unitCodes = lines.Select(line => line.BeneficiaryUnitCode).OfType<string>().Distinct().ToArray();
        var units = (await session.LoadManyAsync<KnownUnit>(cancellationToken, unitCodes)).ToDictionary(unit => unit.Id);
        var shelfIds = lines.SelectMany(line => line.Allocations).Select(allocation => allocation.BookshelfId).Distinct().ToArray();
        var shelves = (await session.LoadManyAsync<Bookshelf>(cancellationToken, shelfIds)).ToDictionary(shelf => shelf.Id);

        var fundResponses = ledgers.Select(ledger => new FundLedgerResponse(
            ledger.Id,
            ledger.PlanId,
            ledger.WardCode,
            ledger.PlanId is { } id && funds.TryGetValue(id, out var fund) ? fund.Title : $"Tài trợ ngoài kế hoạch ({ledger.WardCode})",
            ledger.LastSequence,
            ledger.UpdatedAt is { } updated ? VietnamTime.Format(updated) : null,
            Section(ledger.Lines, units, shelves),
            [.. ledger.Lines.Select(Line)])).ToList();
        return TypedResults.Ok(new LedgerResponse(
            "Tiền mặt tính bằng đồng; hiện vật (sách, thiết bị, tài nguyên số) ghi riêng theo số lượng và giá trị ước tính. " +
            "Không công khai tên cá nhân tài trợ và thông tin liên hệ của nhà tài trợ.",
            Section(lines, units, shelves),
            fundResponses,
            matched.Count > MaxFunds));
    }

    public static LedgerSection Section(IReadOnlyCollection<LedgerLine> lines, IReadOnlyDictionary<string, KnownUnit> units, IReadOnlyDictionary<Guid, Bookshelf> shelves)
    {
        static Figures Cash(IEnumerable<LedgerLine> of) => Figures.Sum(of.Where(line => line.GiftKind == GiftKind.Money).Select(Figures.Quantities));
        static Figures InKind(IEnumerable<LedgerLine> of) => Figures.Sum(of.Where(line => line.GiftKind != GiftKind.Money).Select(Figures.Values));
        static Figures Count(IEnumerable<LedgerLine> of, GiftKind kind) => Figures.Sum(of.Where(line => line.GiftKind == kind).Select(Figures.Quantities));

        var totals = new LedgerTotals(
            lines.Count, lines.Count(line => line.Cancelled), Cash(lines), InKind(lines), Count(lines, GiftKind.Books), Count(lines, GiftKind.Equipment),
            Count(lines, GiftKind.Digital));
        var byDonorKind = lines.GroupBy(line => line.DonorKind).OrderBy(group => group.Key)
            .Select(group => new DonorKindRow(group.Key, DonorKindNames[group.Key], group.Count(), Cash(group), InKind(group)))
            .ToList();
        var byBeneficiary = lines.GroupBy(line => line.BeneficiaryUnitCode).OrderBy(group => group.Key is null).ThenBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new BeneficiaryRow(
                group.Key,
                group.Key is null ? "Chưa chỉ định đơn vị thụ hưởng" : units.GetValueOrDefault(group.Key)?.Name ?? group.Key,
                group.Count(), Cash(group), InKind(group)))
            .ToList();
        var byGiftKind = lines.GroupBy(line => line.GiftKind).OrderBy(group => group.Key)
            .Select(group => new GiftKindRow(
                group.Key, GiftKindNames[group.Key].Name, GiftKindNames[group.Key].Unit, group.Count(),
                Figures.Sum(group.Select(Figures.Quantities)), Figures.Sum(group.Select(Figures.Values))))
            .ToList();
        var byBookshelf = lines
            .SelectMany(line => line.Allocations.Select(allocation => (line.GiftKind, Allocation: allocation)))
            .GroupBy(item => item.Allocation.BookshelfId)
            .Select(group =>
            {
                var shelf = shelves.GetValueOrDefault(group.Key);
                long Sum(GiftKind kind) => group.Where(item => item.GiftKind == kind).Sum(item => item.Allocation.Quantity);
                return new BookshelfRow(
                    group.Key, shelf?.Name ?? "", shelf?.Location ?? "", shelf?.HostUnitCode ?? "", shelf?.Kind,
                    Sum(GiftKind.Money), Sum(GiftKind.Books), Sum(GiftKind.Equipment), Sum(GiftKind.Digital),
                    group.Where(item => item.GiftKind != GiftKind.Money).Sum(item => item.Allocation.ValueVnd));
            })
            .OrderBy(row => row.HostUnitCode, StringComparer.Ordinal).ThenBy(row => row.Name, StringComparer.Ordinal)
            .ToList();
        return new LedgerSection(totals, byDonorKind, byBeneficiary, byBookshelf, byGiftKind);
    }

    private static LedgerLineResponse Line(LedgerLine line) => new(
        line.PledgeId,
        line.DonorKind,
        line.DonorName ?? IndividualDonor,
        line.GiftKind,
        line.Description,
        line.BeneficiaryUnitCode,
        VietnamTime.Format(VietnamTime.DayOf(line.PledgedAt)),
        Figures.Quantities(line),
        Figures.Values(line),
        line.Cancelled,
        line.Allocations,
        [.. line.Entries.Select(entry => new LedgerEntryResponse(
            entry.Sequence, entry.EventId, entry.Type, VietnamTime.ToVietnam(entry.OccurredAt), VietnamTime.Format(entry.OccurredAt), entry.Quantity, entry.ValueVnd,
            entry.ReceiptNumber, entry.ReceivedOn is { } day ? VietnamTime.Format(day) : null, entry.BookshelfId))]);
}
