using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Funds;
using LearningWeek.LibraryFund.Ledger;
using LearningWeek.LibraryFund.Pledges;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund.Tests.Decisions;

/// <summary>The ledger's arithmetic: cash apart from gifts in kind, balances, what is outstanding and withdrawn.</summary>
public sealed class LedgerTests
{
    private static LedgerLine Line(GiftKind kind, long pledged, long pledgedValue, long received, long receivedValue, long allocated, long allocatedValue,
        DonorKind donor = DonorKind.Organisation, string? unit = "TH-TAMHUNG", long withdrawn = 0, Guid? shelf = null) =>
        new()
        {
            PledgeId = Guid.NewGuid(),
            DonorKind = donor,
            GiftKind = kind,
            BeneficiaryUnitCode = unit,
            Pledged = pledged,
            PledgedValueVnd = pledgedValue,
            Received = received,
            ReceivedValueVnd = receivedValue,
            Allocated = allocated,
            AllocatedValueVnd = allocatedValue,
            Withdrawn = withdrawn,
            Cancelled = withdrawn > 0,
            Allocations = shelf is { } id ? [new LedgerAllocation(id, allocated, allocatedValue)] : [],
        };

    [Fact]
    public void Cash_and_gifts_in_kind_are_summed_apart()
    {
        var shelf = Guid.NewGuid();
        var lines = new[]
        {
            Line(GiftKind.Money, 20_000_000, 20_000_000, 15_000_000, 15_000_000, 10_000_000, 10_000_000, shelf: shelf),
            Line(GiftKind.Books, 300, 15_000_000, 200, 10_000_000, 150, 7_500_000, shelf: shelf),
            Line(GiftKind.Books, 120, 0, 120, 0, 0, 0, DonorKind.ParentsAssociation),
            Line(GiftKind.Money, 2_000_000, 2_000_000, 500_000, 500_000, 0, 0, DonorKind.Individual, unit: null, withdrawn: 1_500_000),
        };

        var section = ReadLedger.Section(lines, new Dictionary<string, KnownUnit> { ["TH-TAMHUNG"] = Given.School }, new Dictionary<Guid, Bookshelf>());

        Assert.Equal(new Figures(22_000_000, 15_500_000, 10_000_000, 5_500_000, 5_000_000, 1_500_000), section.Totals.CashVnd);
        Assert.Equal(new Figures(15_000_000, 10_000_000, 7_500_000, 2_500_000, 5_000_000, 0), section.Totals.InKindValueVnd);
        Assert.Equal(new Figures(420, 320, 150, 170, 100, 0), section.Totals.Books);
        Assert.Equal((4, 1), (section.Totals.Pledges, section.Totals.CancelledPledges));
        Assert.Equal([DonorKind.Organisation, DonorKind.Individual, DonorKind.ParentsAssociation], section.ByDonorKind.Select(row => row.Kind));
        Assert.Equal(["Trường Tiểu học Tam Hưng", "Chưa chỉ định đơn vị thụ hưởng"], section.ByBeneficiary.Select(row => row.UnitName));
        var row = Assert.Single(section.ByBookshelf);
        Assert.Equal((10_000_000L, 150L, 7_500_000L), (row.CashVnd, row.Books, row.InKindValueVnd));
    }

    [Fact]
    public void Over_delivery_leaves_nothing_outstanding_rather_than_a_negative_amount()
    {
        var line = Line(GiftKind.Books, 300, 15_000_000, 320, 16_000_000, 0, 0);

        Assert.Equal(new Figures(300, 320, 0, 320, 0, 0), Figures.Quantities(line));
    }
}
