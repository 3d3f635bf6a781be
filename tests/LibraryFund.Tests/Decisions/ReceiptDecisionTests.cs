using LearningWeek.LibraryFund.Pledges;
using LearningWeek.Testing;

namespace LearningWeek.LibraryFund.Tests.Decisions;

/// <summary>Receipts: never more than pledged without the over-delivery flag; none on a cancelled pledge.</summary>
public sealed class ReceiptDecisionTests
{
    [Fact]
    public void A_partial_receipt_records_what_arrived_at_its_value()
    {
        var e = DecisionAssert.Emits<DonationReceived>(RecordReceipt.Decide(Given.Pledged(), Given.Receipt(15_000_000, "BN-001"), Given.Officer, Given.Now));

        Assert.Equal((15_000_000L, 15_000_000L, "BN-001", false), (e.Quantity, e.ValueVnd, e.ReceiptNumber, e.OverDelivery));
    }

    [Fact]
    public void Gifts_in_kind_arrive_at_their_share_of_the_estimated_value()
    {
        var books = Given.Pledged(GiftKind.Books, 300, estimatedValue: 15_000_000);

        var e = DecisionAssert.Emits<DonationReceived>(RecordReceipt.Decide(books, Given.Receipt(200), Given.Officer, Given.Now));

        Assert.Equal(10_000_000, e.ValueVnd);
    }

    [Fact]
    public void Receipts_of_a_gift_in_kind_add_up_to_its_estimated_value_exactly()
    {
        var pledge = Given.Pledged(GiftKind.Books, 3, estimatedValue: 100);
        var values = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var e = DecisionAssert.Emits<DonationReceived>(RecordReceipt.Decide(pledge, Given.Receipt(1, $"BN-{i}"), Given.Officer, Given.Now));
            values.Add(e.ValueVnd);
            pledge = pledge.Apply(e);
        }

        Assert.Equal([33, 33, 34], values);
        var extra = DecisionAssert.Emits<DonationReceived>(RecordReceipt.Decide(pledge, Given.Receipt(3, "BN-X", overDelivery: true), Given.Officer, Given.Now));
        Assert.Equal(100, extra.ValueVnd);
    }

    [Fact]
    public void Receiving_the_rest_of_the_pledge_exactly_is_allowed()
    {
        var pledge = Given.Pledged().Received(15_000_000);

        var e = DecisionAssert.Emits<DonationReceived>(RecordReceipt.Decide(pledge, Given.Receipt(5_000_000), Given.Officer, Given.Now));

        Assert.False(e.OverDelivery);
    }

    [Fact]
    public void Receiving_more_than_pledged_is_refused_without_the_over_delivery_flag()
    {
        var pledge = Given.Pledged().Received(15_000_000);

        var error = DecisionAssert.Fails(RecordReceipt.Decide(pledge, Given.Receipt(5_000_001), Given.Officer, Given.Now), 422, "receipt-exceeds-pledge", "quantity");

        Assert.Contains("5.000.000", error.Detail);
    }

    [Fact]
    public void With_the_over_delivery_flag_more_than_pledged_is_received_and_marked()
    {
        var pledge = Given.Pledged(GiftKind.Books, 300, 15_000_000).Received(300);

        var e = DecisionAssert.Emits<DonationReceived>(RecordReceipt.Decide(pledge, Given.Receipt(20, overDelivery: true), Given.Officer, Given.Now));

        Assert.True(e.OverDelivery);
        Assert.Equal(1_000_000, e.ValueVnd);
    }

    [Fact]
    public void A_cancelled_pledge_takes_no_more_receipts()
    {
        var pledge = Given.Pledged().Received(5_000_000).Cancelled();

        DecisionAssert.Fails(RecordReceipt.Decide(pledge, Given.Receipt(1_000_000), Given.Officer, Given.Now), 409, "pledge-cancelled");
        DecisionAssert.Fails(RecordReceipt.Decide(pledge, Given.Receipt(1_000_000, overDelivery: true), Given.Officer, Given.Now), 409, "pledge-cancelled");
    }

    [Fact]
    public void A_receipt_number_is_used_once_in_a_pledge()
    {
        var pledge = Given.Pledged().Received(5_000_000, "BN-007");

        DecisionAssert.Fails(RecordReceipt.Decide(pledge, Given.Receipt(1_000_000, "BN-007"), Given.Officer, Given.Now), 409, "duplicate-receipt-number", "receiptNumber");
        DecisionAssert.Fails(RecordReceipt.Decide(pledge, Given.Receipt(1_000_000, "bn-007"), Given.Officer, Given.Now), 409, "duplicate-receipt-number", "receiptNumber");
    }

    [Fact]
    public void A_receipt_is_not_dated_in_the_future_in_Vietnam_time()
    {
        var lateEvening = new DateTimeOffset(2025, 10, 8, 23, 30, 0, TimeSpan.FromHours(7)); // 16:30 UTC, still 08/10 in Vietnam

        DecisionAssert.Emits<DonationReceived>(RecordReceipt.Decide(Given.Pledged(), Given.Receipt(1, on: new DateOnly(2025, 10, 8)), Given.Officer, lateEvening));
        DecisionAssert.Fails(RecordReceipt.Decide(Given.Pledged(), Given.Receipt(1, on: new DateOnly(2025, 10, 9)), Given.Officer, lateEvening), 422, "received-in-the-future", "receivedOn");
    }

    [Fact]
    public void Only_an_officer_of_the_pledges_ward_records_receipts()
    {
        DecisionAssert.Fails(RecordReceipt.Decide(Given.Pledged(), Given.Receipt(1), Given.Unit("TH-TAMHUNG"), Given.Now), 403);
        DecisionAssert.Fails(RecordReceipt.Decide(Given.Pledged(), Given.Receipt(1), Given.OtherWardOfficer, Given.Now), 403);
        DecisionAssert.Fails(RecordReceipt.Decide(Given.Pledged(), Given.Receipt(1), Given.City, Given.Now), 403);
    }

    [Fact]
    public void Over_delivery_stays_within_sane_bounds()
    {
        var pledge = Given.Pledged(GiftKind.Books, 1_000_000, 1).Received(1_000_000);

        DecisionAssert.Fails(RecordReceipt.Decide(pledge, Given.Receipt(1, overDelivery: true), Given.Officer, Given.Now), 422, "receipt-out-of-bounds", "quantity");
    }
}
