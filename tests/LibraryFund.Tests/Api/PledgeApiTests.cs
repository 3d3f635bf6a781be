using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.LibraryFund.Pledges;
using LearningWeek.Testing;
using Marten;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>Pledges, receipts and allocations through the API on real PostgreSQL and RabbitMQ.</summary>
public sealed class PledgeApiTests(LibraryFundService service) : IClassFixture<LibraryFundService>
{
    [Fact]
    public async Task A_pledge_is_received_in_parts_and_allocated_with_etags_and_locations()
    {
        var ward = await FundWard.OpenAsync(service);
        var shelf = await ward.BookshelfAsync();
        using var pledged = await ward.Officer.PostAsJsonAsync("/api/library-fund/pledges", ward.MoneyPledge(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, pledged.StatusCode);
        var id = (await pledged.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/library-fund/pledges/{id}", pledged.Headers.Location!.OriginalString);
        Assert.Equal("\"1\"", pledged.Headers.ETag!.Tag);

        using var first = await ward.ReceiveAsync(id, 15_000_000, "BN-001", ifMatch: "\"1\"");
        using var stale = await ward.ReceiveAsync(id, 1_000_000, "BN-002", ifMatch: "\"1\"");
        using var allocated = await ward.AllocateAsync(id, shelf, 10_000_000);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("\"2\"", first.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allocated.StatusCode);
        var pledge = await ward.PledgeAsync(id);
        Assert.Equal((15_000_000L, 10_000_000L, 5_000_000L, 5_000_000L),
            (pledge.GetProperty("received").GetInt64(), pledge.GetProperty("allocated").GetInt64(), pledge.GetProperty("unallocated").GetInt64(), pledge.GetProperty("outstanding").GetInt64()));
        var receipt = pledge.GetProperty("receipts")[0];
        Assert.Equal(("BN-001", "03/10/2026"), (receipt.GetProperty("number").GetString(), receipt.GetProperty("receivedOnText").GetString()));
        Assert.Equal(10_000_000, (await Eventually.Get(
            () => ward.Officer.GetFromJsonAsync<JsonElement>($"/api/library-fund/bookshelves/{shelf}"),
            until: s => s.GetProperty("donatedMoneyVnd").GetInt64() > 0)).GetProperty("donatedMoneyVnd").GetInt64());
    }

    [Fact]
    public async Task Concurrent_allocations_of_one_pledge_never_exceed_what_was_received()
    {
        var ward = await FundWard.OpenAsync(service);
        var shelf = await ward.BookshelfAsync();
        var (id, _) = await ward.PledgeAsync(ward.BooksPledge(300, 15_000_000));
        using (var received = await ward.ReceiveAsync(id, 100, "BN-100"))
        {
            Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        }

        // Fifteen officers' requests of 10 books each at once, for the 100 that arrived.
        var responses = await Task.WhenAll(Enumerable.Range(0, 15).Select(_ => ward.AllocateAsync(id, shelf, 10)));

        var created = responses.Count(response => response.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.Created), response => Assert.Equal(HttpStatusCode.Conflict, response.StatusCode));
        Assert.InRange(created, 1, 10);
        var pledge = await ward.PledgeAsync(id);
        Assert.Equal(created * 10, pledge.GetProperty("allocated").GetInt64());

        // Whatever the race left is still there to allocate, and not one book more.
        var rest = 100 - (created * 10);
        if (rest > 0)
        {
            using var remainder = await ward.AllocateAsync(id, shelf, rest);
            Assert.Equal(HttpStatusCode.Created, remainder.StatusCode);
        }

        using var beyond = await ward.AllocateAsync(id, shelf, 1);
        Assert.Equal(HttpStatusCode.Conflict, beyond.StatusCode);
        Assert.Equal("urn:learningweek:problem:allocation-exceeds-received", (await beyond.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("type").GetString());
        await using var session = ward.Store.QuerySession();
        var allocations = (await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken)).Select(e => e.Data).OfType<DonationAllocated>().ToList();
        Assert.Equal(100, allocations.Sum(allocation => allocation.Quantity));
        Assert.Equal(5_000_000, allocations.Sum(allocation => allocation.ValueVnd));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task A_receipt_number_is_unique_within_the_fund_but_not_across_funds()
    {
        var ward = await FundWard.OpenAsync(service);
        var (first, _) = await ward.PledgeAsync(ward.MoneyPledge(5_000_000));
        var (second, _) = await ward.PledgeAsync(ward.MoneyPledge(7_000_000));
        var outsidePlan = new { donor = new { kind = "individual", name = "Nguyễn Văn An" }, giftKind = "money", quantity = 1_000_000 };
        var (third, _) = await ward.PledgeAsync(outsidePlan);

        using var taken = await ward.ReceiveAsync(first, 5_000_000, "BN-2026-01");
        using var again = await ward.ReceiveAsync(second, 7_000_000, "BN-2026-01");
        using var otherFund = await ward.ReceiveAsync(third, 1_000_000, "BN-2026-01");

        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("receiptNumber", out _), problem.ToString());
        Assert.Equal(0, (await ward.PledgeAsync(second)).GetProperty("received").GetInt64());
        Assert.Equal(HttpStatusCode.Created, otherFund.StatusCode);
    }

    [Fact]
    public async Task The_same_idempotency_key_records_a_receipt_once()
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(ward.MoneyPledge());
        var body = new { receiptNumber = "BN-7", receivedOn = "2026-10-03", quantity = 2_000_000 };
        var path = $"/api/library-fund/pledges/{id}/receipts";

        using var first = await ward.PostAsync(ward.Officer, path, body, idempotencyKey: "phieu-thu-7");
        using var retry = await ward.PostAsync(ward.Officer, path, body, idempotencyKey: "phieu-thu-7");
        using var otherBody = await ward.PostAsync(ward.Officer, path, body with { quantity = 3_000_000 }, idempotencyKey: "phieu-thu-7");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherBody.StatusCode);
        Assert.Equal(1, (await ward.PledgeAsync(id)).GetProperty("receipts").GetArrayLength());
    }

    [Fact]
    public async Task Over_delivery_needs_the_flag_and_a_cancelled_pledge_takes_no_more()
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(ward.BooksPledge(300, 15_000_000));

        using var tooMany = await ward.ReceiveAsync(id, 320, "BN-1");
        using var flagged = await ward.ReceiveAsync(id, 320, "BN-1", overDelivery: true);
        using var cancelled = await ward.PostAsync(ward.Officer, $"/api/library-fund/pledges/{id}/cancel", new { reason = "Đã nhận đủ" });
        using var afterwards = await ward.ReceiveAsync(id, 1, "BN-2", overDelivery: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Equal("urn:learningweek:problem:receipt-exceeds-pledge", (await tooMany.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Created, flagged.StatusCode);
        Assert.True((await flagged.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("receipts")[0].GetProperty("overDelivery").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, afterwards.StatusCode);
        Assert.Equal(320, (await ward.PledgeAsync(id)).GetProperty("received").GetInt64());
    }

    [Fact]
    public async Task An_individual_donors_name_and_a_cancellations_reason_are_for_the_ward_only()
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(new
        {
            planId = ward.PlanId,
            donor = new { kind = "individual", name = "Lê Thị Hoa", contact = "0904 111 222" },
            giftKind = "books",
            description = "Truyện thiếu nhi",
            quantity = 50,
            beneficiaryUnitCode = ward.School,
        });
        using (var cancelled = await ward.PostAsync(ward.Officer, $"/api/library-fund/pledges/{id}/cancel", new { reason = "Bà Hoa chuyển công tác" }))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        var asOfficer = (await ward.Officer.GetFromJsonAsync<JsonElement>($"/api/library-fund/pledges/{id}", cancellationToken: TestContext.Current.CancellationToken)).GetRawText();
        var asSchool = (await ward.SchoolClient.GetFromJsonAsync<JsonElement>($"/api/library-fund/pledges/{id}", cancellationToken: TestContext.Current.CancellationToken)).GetRawText();
        var asCity = (await ward.City.GetFromJsonAsync<JsonElement>("/api/library-fund/pledges?limit=200", cancellationToken: TestContext.Current.CancellationToken)).GetRawText();

        Assert.Contains("Lê Thị Hoa", asOfficer);
        Assert.Contains("Bà Hoa chuyển công tác", asOfficer);
        foreach (var view in new[] { asSchool, asCity })
        {
            Assert.DoesNotContain("Lê Thị Hoa", view);
            Assert.DoesNotContain("0904 111 222", view);
            Assert.DoesNotContain("Bà Hoa", view);
        }

        Assert.Contains("Cá nhân (không công khai tên)", asSchool);
    }

    [Fact]
    public async Task The_donors_contact_is_shown_to_the_wards_officers_only()
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(ward.MoneyPledge(contact: "lienhe@tamhung.vn"));
        var other = service.CreateClient(TestTokens.WardOfficer("HP-OTHER"));

        var asOfficer = await ward.Officer.GetFromJsonAsync<JsonElement>($"/api/library-fund/pledges/{id}", cancellationToken: TestContext.Current.CancellationToken);
        var asSchool = await ward.SchoolClient.GetFromJsonAsync<JsonElement>($"/api/library-fund/pledges/{id}", cancellationToken: TestContext.Current.CancellationToken);
        var asCity = await ward.City.GetFromJsonAsync<JsonElement>($"/api/library-fund/pledges/{id}", cancellationToken: TestContext.Current.CancellationToken);
        using var asOtherSchool = await ward.OtherSchoolClient.GetAsync($"/api/library-fund/pledges/{id}", TestContext.Current.CancellationToken);
        using var asOtherWard = await other.GetAsync($"/api/library-fund/pledges/{id}", TestContext.Current.CancellationToken);
        var listed = await ward.SchoolClient.GetFromJsonAsync<JsonElement>("/api/library-fund/pledges", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("lienhe@tamhung.vn", asOfficer.GetProperty("donor").GetProperty("contact").GetString());
        Assert.Equal(JsonValueKind.Null, asSchool.GetProperty("donor").GetProperty("contact").ValueKind);
        Assert.Equal(JsonValueKind.Null, asCity.GetProperty("donor").GetProperty("contact").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, asOtherSchool.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asOtherWard.StatusCode);
        Assert.DoesNotContain("lienhe@tamhung.vn", listed.GetRawText());
        Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Units_write_only_their_own_records_and_only_the_ward_receives_and_allocates()
    {
        var ward = await FundWard.OpenAsync(service);
        var shelf = await ward.BookshelfAsync();
        var (id, _) = await ward.PledgeAsync(ward.MoneyPledge());
        using var received = await ward.ReceiveAsync(id, 1_000_000, "BN-1");

        using var forAnother = await ward.SchoolClient.PostAsJsonAsync("/api/library-fund/pledges", ward.MoneyPledge(unit: ward.OtherSchool), cancellationToken: TestContext.Current.CancellationToken);
        using var ownPledge = await ward.SchoolClient.PostAsJsonAsync("/api/library-fund/pledges", new { planId = ward.PlanId, donor = new { kind = "parents-association", name = "Ban đại diện CMHS lớp 5A" }, giftKind = "books", description = "Sách tham khảo", quantity = 120 }, cancellationToken: TestContext.Current.CancellationToken);
        using var shelfForAnother = await ward.SchoolClient.PostAsJsonAsync("/api/library-fund/bookshelves", new { hostUnitCode = ward.OtherSchool, kind = "classroom", name = "Tủ sách 9A", location = "Lớp 9A", establishedOn = "2026-10-02" }, cancellationToken: TestContext.Current.CancellationToken);
        using var receiptBySchool = await ward.PostAsync(ward.SchoolClient, $"/api/library-fund/pledges/{id}/receipts", new { receiptNumber = "X", receivedOn = "2026-10-03", quantity = 1 });
        using var allocationBySchool = await ward.PostAsync(ward.SchoolClient, $"/api/library-fund/pledges/{id}/allocations", new { bookshelfId = shelf, quantity = 1 });
        using var byCity = await ward.City.PostAsJsonAsync("/api/library-fund/pledges", ward.MoneyPledge(), cancellationToken: TestContext.Current.CancellationToken);
        using var byOtherWard = await ward.PostAsync(service.CreateClient(TestTokens.WardOfficer("HP-OTHER")), $"/api/library-fund/pledges/{id}/allocations",
            new { bookshelfId = shelf, quantity = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, forAnother.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownPledge.StatusCode);
        Assert.Equal(ward.School, (await ownPledge.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("beneficiaryUnitCode").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, shelfForAnother.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, receiptBySchool.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, allocationBySchool.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCity.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOtherWard.StatusCode);
        Assert.Equal(0, (await ward.PledgeAsync(id)).GetProperty("allocated").GetInt64());
    }

    [Fact]
    public async Task Pledges_page_by_cursor_and_filter_by_kind()
    {
        var ward = await FundWard.OpenAsync(service);
        for (var i = 0; i < 3; i++)
        {
            await ward.PledgeAsync(ward.MoneyPledge(1_000_000 * (i + 1)));
        }

        await ward.PledgeAsync(ward.BooksPledge());

        var firstPage = await ward.Officer.GetFromJsonAsync<JsonElement>("/api/library-fund/pledges?limit=2", cancellationToken: TestContext.Current.CancellationToken);
        var secondPage = await ward.Officer.GetFromJsonAsync<JsonElement>($"/api/library-fund/pledges?limit=2&after={firstPage.GetProperty("next").GetString()}", cancellationToken: TestContext.Current.CancellationToken);
        var books = await ward.Officer.GetFromJsonAsync<JsonElement>("/api/library-fund/pledges?giftKind=books", cancellationToken: TestContext.Current.CancellationToken);
        using var badKind = await ward.Officer.GetAsync("/api/library-fund/pledges?giftKind=gold", TestContext.Current.CancellationToken);

        Assert.Equal(2, firstPage.GetProperty("items").GetArrayLength());
        Assert.Equal(2, secondPage.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, secondPage.GetProperty("next").ValueKind);
        Assert.Equal(4, firstPage.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray()).Select(p => p.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.Equal(["books"], books.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("gift").GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.True((await badKind.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("errors").TryGetProperty("giftKind", out _));
    }
}
