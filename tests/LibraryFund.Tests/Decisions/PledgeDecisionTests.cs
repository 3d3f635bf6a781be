using FluentValidation;
using LearningWeek.LibraryFund.Pledges;
using LearningWeek.Testing;

namespace LearningWeek.LibraryFund.Tests.Decisions;

/// <summary>Pledges: who may record them, for what, in which amounts; and cancellation.</summary>
public sealed class PledgeDecisionTests
{
    private static readonly PledgeDonation.Validator Validator = new();

    private static PledgeDonation.Request Money(long? amount = 20_000_000, string? unit = "TH-TAMHUNG") =>
        new(Given.PlanId, new PledgeDonation.DonorRequest(DonorKind.Organisation, "Công ty TNHH Thương mại Tam Hưng", "0912 345 678"),
            GiftKind.Money, null, amount, null, null, unit, null);

    [Fact]
    public void An_officer_records_a_company_pledge_of_money_for_a_school()
    {
        var id = Guid.NewGuid();

        var e = DecisionAssert.Emits<DonationPledged>(PledgeDonation.Decide(id, Money(), Given.Fund, Given.School, null, Given.Officer, Given.Now));

        Assert.Equal((id, Given.PlanId, Given.Ward, "TH-TAMHUNG"), (e.PledgeId, e.PlanId, e.WardCode, e.BeneficiaryUnitCode));
        Assert.Equal((GiftKind.Money, 20_000_000L, 20_000_000L), (e.Gift.Kind, e.Gift.Quantity, e.Gift.EstimatedValueVnd));
        Assert.Equal("0912 345 678", e.Donor.Contact);
    }

    [Fact]
    public void A_unit_records_a_pledge_for_itself_only()
    {
        var own = DecisionAssert.Emits<DonationPledged>(PledgeDonation.Decide(Guid.NewGuid(), Money(unit: null), Given.Fund, Given.School, null, Given.Unit("TH-TAMHUNG"), Given.Now));
        Assert.Equal("TH-TAMHUNG", own.BeneficiaryUnitCode);

        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), Money(unit: "TH-LAPLE"), Given.Fund, null, null, Given.Unit("TH-TAMHUNG"), Given.Now), 403);
    }

    [Fact]
    public void A_plan_unit_or_bookshelf_of_another_ward_is_not_found()
    {
        var otherFund = Given.Fund with { WardCode = "HP-OTHER" };
        var otherUnit = Given.School with { WardCode = "HP-OTHER" };

        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), Money(), otherFund, Given.School, null, Given.Officer, Given.Now), 404, field: "planId");
        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), Money(), Given.Fund, otherUnit, null, Given.Officer, Given.Now), 404, field: "beneficiaryUnitCode");
        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), Money() with { BookshelfId = Guid.NewGuid() }, Given.Fund, Given.School, null, Given.Officer, Given.Now),
            404, field: "bookshelfId");
    }

    [Fact]
    public void A_gift_for_a_bookshelf_is_for_the_unit_that_hosts_it()
    {
        var shelf = Given.Shelf();
        var forShelf = Money(unit: null) with { BookshelfId = shelf.Id };

        var e = DecisionAssert.Emits<DonationPledged>(PledgeDonation.Decide(Guid.NewGuid(), forShelf, Given.Fund, Given.School, shelf, Given.Officer, Given.Now));

        Assert.Equal(("TH-TAMHUNG", shelf.Id), (e.BeneficiaryUnitCode, e.BookshelfId));
        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), forShelf with { BeneficiaryUnitCode = "NVH-TDP3" }, Given.Fund, Given.CultureHouse, shelf, Given.Officer, Given.Now),
            422, "bookshelf-of-another-unit", "bookshelfId");
        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), forShelf, Given.Fund, Given.CultureHouse, shelf, Given.Unit("NVH-TDP3"), Given.Now),
            422, "bookshelf-of-another-unit", "bookshelfId");
    }

    [Fact]
    public void A_closed_plan_takes_no_new_pledges_and_an_inactive_unit_is_no_beneficiary()
    {
        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), Money(), Given.Fund with { ClosedAt = Given.Now }, Given.School, null, Given.Officer, Given.Now),
            409, "plan-closed", "planId");
        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), Money(), Given.Fund with { Issued = false }, Given.School, null, Given.Officer, Given.Now),
            404, field: "planId");
        DecisionAssert.Fails(PledgeDonation.Decide(Guid.NewGuid(), Money(), Given.Fund, Given.School with { Active = false }, null, Given.Officer, Given.Now),
            404, field: "beneficiaryUnitCode");
    }

    [Fact]
    public void A_pledge_outside_any_plan_belongs_to_the_wards_own_fund()
    {
        var e = DecisionAssert.Emits<DonationPledged>(PledgeDonation.Decide(Guid.NewGuid(), Money() with { PlanId = null }, null, Given.School, null, Given.Officer, Given.Now));

        Assert.Null(e.PlanId);
        Assert.Equal("ward:HP-NAMTRIEU", Funds.Fund.Key(e.PlanId, e.WardCode));
    }

    [Theory]
    [InlineData(0, "quantity")]
    [InlineData(-5, "quantity")]
    [InlineData(10_000_000_001, "quantity")]
    public void Amounts_are_positive_and_within_sane_bounds(long amount, string field)
    {
        var result = Validator.Validate(Money(amount));

        Assert.Contains(result.Errors, error => string.Equals(error.PropertyName, field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_bounds_depend_on_the_kind_of_gift()
    {
        var books = Money(1_000_001) with { GiftKind = GiftKind.Books, Description = "Sách thiếu nhi" };
        var equipment = Money(5) with { GiftKind = GiftKind.Equipment, Description = "Máy tính bảng", EstimatedValueVnd = null };

        var tooMany = Assert.Single(Validator.Validate(books).Errors);
        Assert.Equal("Tối đa 1.000.000.", tooMany.ErrorMessage);
        Assert.Contains(Validator.Validate(equipment).Errors, error => error.PropertyName == "EstimatedValueVnd");
        Assert.True(Validator.Validate(books with { Quantity = 1_000_000 }).IsValid);
    }

    [Fact]
    public void Cancelling_records_what_will_not_come_and_cannot_be_repeated()
    {
        var pledge = Given.Pledged(Pledges.GiftKind.Books, 300, 15_000_000).Received(200);

        var e = DecisionAssert.Emits<PledgeCancelled>(CancelPledge.Decide(pledge, new("Nhà tài trợ chuyển sang hỗ trợ xã khác"), Given.Officer, Given.Now));

        Assert.Equal((100L, 5_000_000L), (e.UnreceivedQuantity, e.UnreceivedValueVnd));
        DecisionAssert.Fails(CancelPledge.Decide(pledge.Apply(e), new("Lần nữa"), Given.Officer, Given.Now), 409, "pledge-cancelled");
        DecisionAssert.Fails(CancelPledge.Decide(pledge, new("Không phải phường này"), Given.OtherWardOfficer, Given.Now), 403);
    }

    [Fact]
    public void A_pledge_received_in_full_or_more_cancels_with_nothing_outstanding()
    {
        var pledge = Given.Pledged(Pledges.GiftKind.Books, 300, 15_000_000).Received(320);

        var e = DecisionAssert.Emits<PledgeCancelled>(CancelPledge.Decide(pledge, new("Đã nhận đủ, đóng cam kết"), Given.Officer, Given.Now));

        Assert.Equal((0L, 0L), (e.UnreceivedQuantity, e.UnreceivedValueVnd));
    }
}
