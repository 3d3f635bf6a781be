using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.Pledges;
using Marten;
using LearningWeek.ApiDefaults.Http;
using Marten.Linq.MatchesSql;
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

/// <summary>
/// One fund: its summary over every pledge, and its first <see cref="ReadLedger.LinesPerFund"/>
/// lines; <c>NextLines</c> is the cursor of the rest (<c>GET /ledger/funds/{fundKey}/lines?after=</c>), null when none.
/// </summary>
public sealed record FundLedgerResponse(
    string FundKey, Guid? PlanId, string WardCode, string Title, long LastSequence, string? UpdatedAtText, LedgerSection Summary,
    IReadOnlyList<LedgerLineResponse> Lines, string? NextLines);

/// <summary>
/// A page of the ledger's funds (<c>limit</c> funds, in the order of their keys); <c>Overall</c>
/// sums the funds of this page; <c>Next</c> is the cursor (<c>after=</c>) of the following page,
/// null at the end, and <c>More</c> says there is one.
/// </summary>
public sealed record LedgerResponse(string Note, LedgerSection Overall, IReadOnlyList<FundLedgerResponse> Funds, bool More, string? Next);

/// <summary>
/// GET /ledger: the public ledger, per fund and overall, for anyone (no token): pledged, received,
/// allocated and balance by donor kind, beneficiary unit, bookshelf and kind of gift, with every
/// line traceable to its events.
/// </summary>
public static class ReadLedger
{
    /// <summary>Funds a page holds at most (an anonymous caller's request costs what one page costs).</summary>
    public const int MaxFunds = 50;

    /// <summary>Lines a fund shows in the ledger; the rest are read page by page.</summary>
    public const int LinesPerFund = 100;

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

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/ledger", Handle)
            .AllowAnonymous()
            .WithName("GetLedger")
            .WithSummary("The public ledger per fund, a page of funds at a time (filter by planId or wardCode; page with after= and limit=); no personal data");
        api.MapGet("/ledger/funds/{fundKey}/lines", Lines)
            .AllowAnonymous()
            .WithName("GetLedgerLines")
            .WithSummary("A fund's ledger lines, a page at a time, in the order pledged (page with after= and limit=)");
    }

    private static async Task<Results<Ok<LedgerResponse>, ValidationProblem>> Handle(
        IQuerySession session, CancellationToken cancellationToken, Guid? planId = null, string? wardCode = null, string? after = null, int limit = 20)
    {
        if (wardCode is not null && !IsCode(wardCode))
        {
            return LibraryFundProblems.BadQuery("wardCode", "Mã phường không hợp lệ.");
        }

        if (after is not null && !IsFundKey(after))
        {
            return LibraryFundProblems.BadQuery("after", "Con trỏ trang không hợp lệ: dùng giá trị next của trang trước.");
        }

        if (limit is < 1 or > MaxFunds)
        {
            return LibraryFundProblems.BadQuery("limit", $"Từ 1 đến {MaxFunds}.");
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

        if (after is not null)
        {
            query = query.Where(ledger => ledger.MatchesSql("d.id > ?", after));
        }

        var matched = await query.OrderBySql("d.id").Take(limit + 1).ToListAsync(cancellationToken);
        var ledgers = matched.Take(limit).ToList();
        var keys = ledgers.Select(ledger => ledger.Id).ToArray();
        // The summaries need every pledge of the funds on the page, but not their events.
        var figures = await session.Query<LedgerLine>().Where(line => line.FundKey.IsOneOf(keys))
            .Select(line => new LedgerLine
            {
                FundKey = line.FundKey,
                DonorKind = line.DonorKind,
                GiftKind = line.GiftKind,
                BeneficiaryUnitCode = line.BeneficiaryUnitCode,
                Pledged = line.Pledged,
                PledgedValueVnd = line.PledgedValueVnd,
                Received = line.Received,
                ReceivedValueVnd = line.ReceivedValueVnd,
                Allocated = line.Allocated,
                AllocatedValueVnd = line.AllocatedValueVnd,
                Cancelled = line.Cancelled,
                Withdrawn = line.Withdrawn,
                WithdrawnValueVnd = line.WithdrawnValueVnd,
                Allocations = line.Allocations,
            })
            .ToListAsync(cancellationToken);
        var shown = new Dictionary<string, (IReadOnlyList<LedgerLine> Lines, string? Next)>();
        foreach (var key in keys)
        {
            shown[key] = await LinesPage(session, key, after: null, LinesPerFund, cancellationToken);
        }

        var planIds = ledgers.Select(ledger => ledger.PlanId).OfType<Guid>().ToArray();
        var funds = (await session.LoadManyAsync<Fund>(cancellationToken, planIds)).ToDictionary(fund => fund.Id);
        var unitCodes = figures.Select(line => line.BeneficiaryUnitCode).OfType<string>().Distinct().ToArray();
        var units = (await session.LoadManyAsync<KnownUnit>(cancellationToken, unitCodes)).ToDictionary(unit => unit.Id);
        var shelfIds = figures.SelectMany(line => line.Allocations).Select(allocation => allocation.BookshelfId).Distinct().ToArray();
        var shelves = (await session.LoadManyAsync<Bookshelf>(cancellationToken, shelfIds)).ToDictionary(shelf => shelf.Id);
        var byFund = figures.ToLookup(line => line.FundKey);

        var fundResponses = ledgers.Select(ledger => new FundLedgerResponse(
            ledger.Id,
            ledger.PlanId,
            ledger.WardCode,
            ledger.PlanId is { } id && funds.TryGetValue(id, out var fund) ? fund.Title : $"Tài trợ ngoài kế hoạch ({ledger.WardCode})",
            ledger.LastSequence,
            ledger.UpdatedAt is { } updated ? VietnamTime.Format(updated) : null,
            Section([.. byFund[ledger.Id]], units, shelves),
            [.. shown[ledger.Id].Lines.Select(Line)],
            shown[ledger.Id].Next)).ToList();
        var more = matched.Count > limit;
        return TypedResults.Ok(new LedgerResponse(
            "Tiền mặt tính bằng đồng; hiện vật (sách, thiết bị, tài nguyên số) ghi riêng theo số lượng và giá trị ước tính. " +
            "Không công khai tên cá nhân tài trợ và thông tin liên hệ của nhà tài trợ.",
            Section(figures, units, shelves),
            fundResponses,
            more,
            more ? ledgers[^1].Id : null));
    }

    private static async Task<Results<Ok<Page<LedgerLineResponse>>, ValidationProblem>> Lines(
        string fundKey, IQuerySession session, CancellationToken cancellationToken, Guid? after = null, int limit = LinesPerFund)
    {
        if (!IsFundKey(fundKey))
        {
            return LibraryFundProblems.BadQuery("fundKey", "Mã quỹ không hợp lệ.");
        }

        if (limit is < 1 or > ReadBookshelves.MaxPageSize)
        {
            return LibraryFundProblems.BadQuery("limit", $"Từ 1 đến {ReadBookshelves.MaxPageSize}.");
        }

        var (lines, next) = await LinesPage(session, fundKey, after, limit, cancellationToken);
        return TypedResults.Ok(new Page<LedgerLineResponse>([.. lines.Select(Line)], next));
    }

    /// <summary>A fund's lines after the cursor (a pledge's id), in the order of their ids: the order pledged (version 7 ids).</summary>
    private static async Task<(IReadOnlyList<LedgerLine> Lines, string? Next)> LinesPage(
        IQuerySession session, string fundKey, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var query = session.Query<LedgerLine>().Where(line => line.FundKey == fundKey);
        if (after is { } cursor)
        {
            query = query.Where(line => line.MatchesSql("d.id > ?", cursor));
        }

        var lines = await query.OrderBySql("d.id").Take(limit + 1).ToListAsync(cancellationToken);
        var page = lines.Take(limit).ToList();
        return (page, lines.Count > limit ? page[^1].Id.ToString() : null);
    }

    private static bool IsCode(string code) => code.Length is > 0 and <= 20 && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsFundKey(string key) => key.Length is > 0 and <= 80 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':');

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
