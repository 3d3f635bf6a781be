using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;
using Marten;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>The public ledger and the public events: exact figures, traceable lines, and no personal data anywhere.</summary>
public sealed class LedgerApiTests(LibraryFundService service) : IClassFixture<LibraryFundService>
{
    private static readonly Type[] Contracts =
    [
        typeof(LearningWeek.Contracts.LibraryFund.DonationPledged), typeof(LearningWeek.Contracts.LibraryFund.DonationReceived),
        typeof(LearningWeek.Contracts.LibraryFund.DonationAllocated), typeof(LearningWeek.Contracts.LibraryFund.PledgeCancelled),
        typeof(LearningWeek.Contracts.LibraryFund.BookshelfEstablished), typeof(LearningWeek.Contracts.LibraryFund.DigitalResourceAdded),
    ];

    [Fact]
    public async Task Anyone_reads_the_ledger_whose_every_line_leads_to_its_events_and_no_donor_is_exposed()
    {
        await using var city = await OutsideSubscriber.StartAsync(service.Servers.AdministratorOn(service.VirtualHost), Contracts);
        var ward = await FundWard.OpenAsync(service);
        var shelf = await ward.BookshelfAsync();
        var (company, _) = await ward.PledgeAsync(ward.MoneyPledge(20_000_000, contact: "giamdoc@tamhung.vn"));
        var (person, _) = await ward.PledgeAsync(new
        {
            planId = ward.PlanId,
            donor = new { kind = "individual", name = "Trần Thị Bình", contact = "0987 654 321" },
            giftKind = "money",
            quantity = 3_000_000,
        });
        using (await ward.ReceiveAsync(company, 15_000_000, "BN-1"))
        using (await ward.ReceiveAsync(person, 1_000_000, "BN-2"))
        using (await ward.AllocateAsync(company, shelf, 12_000_000))
        using (await ward.PostAsync(ward.Officer, $"/api/library-fund/pledges/{person}/cancel", new { reason = "Gia đình có việc đột xuất" }))
        {
        }

        var ledger = await Eventually.Get(
            () => ward.Public.GetFromJsonAsync<JsonElement>($"/api/library-fund/ledger?planId={ward.PlanId}"),
            until: l => l.GetProperty("overall").GetProperty("totals").GetProperty("cancelledPledges").GetInt32() == 1
                && l.GetProperty("overall").GetProperty("totals").GetProperty("cashVnd").GetProperty("allocated").GetInt64() > 0);

        var cash = ledger.GetProperty("overall").GetProperty("totals").GetProperty("cashVnd");
        Assert.Equal((23_000_000L, 16_000_000L, 12_000_000L, 4_000_000L, 5_000_000L, 2_000_000L),
            (cash.GetProperty("pledged").GetInt64(), cash.GetProperty("received").GetInt64(), cash.GetProperty("allocated").GetInt64(),
             cash.GetProperty("balance").GetInt64(), cash.GetProperty("outstanding").GetInt64(), cash.GetProperty("withdrawn").GetInt64()));
        var fund = Assert.Single(ledger.GetProperty("funds").EnumerateArray());
        Assert.Equal("Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2026", fund.GetProperty("title").GetString());
        var donors = fund.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("donor").GetString()).Order().ToList();
        Assert.Equal(["Cá nhân (không công khai tên)", "Công ty TNHH Thương mại Tam Hưng"], donors);
        var bookshelf = Assert.Single(fund.GetProperty("summary").GetProperty("byBookshelf").EnumerateArray());
        Assert.Equal((shelf, 12_000_000L), (bookshelf.GetProperty("bookshelfId").GetGuid(), bookshelf.GetProperty("cashVnd").GetInt64()));

        var raw = ledger.GetRawText();
        Assert.DoesNotContain("giamdoc@tamhung.vn", raw);
        Assert.DoesNotContain("0987 654 321", raw);
        Assert.DoesNotContain("Trần Thị Bình", raw);

        await using var session = ward.Store.QuerySession();
        foreach (var entry in fund.GetProperty("lines").EnumerateArray().SelectMany(line => line.GetProperty("entries").EnumerateArray()))
        {
            var stored = await session.Events.QueryAllRawEvents().SingleAsync(e => e.Id == entry.GetProperty("eventId").GetGuid(), token: TestContext.Current.CancellationToken);
            Assert.Equal(stored.Sequence, entry.GetProperty("sequence").GetInt64());
        }

        var messages = await city.WaitFor(received => received.Count(m => m.Message.GetRawText().Contains(ward.PlanId.ToString(), StringComparison.Ordinal)) >= 7);
        var ours = messages.Where(m => m.Message.GetRawText().Contains(ward.PlanId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(["bookshelf-established", "donation-allocated", "donation-pledged", "donation-received", "pledge-cancelled"],
            ours.Select(m => m.MessageType.Split('.')[2]).Distinct().Order());
        foreach (var message in ours)
        {
            var text = message.Message.GetRawText();
            Assert.DoesNotContain("giamdoc@tamhung.vn", text);
            Assert.DoesNotContain("0987 654 321", text);
            Assert.DoesNotContain("Trần Thị Bình", text);
            Assert.DoesNotContain("Gia đình", text);
        }

        var feed = await ward.City.GetFromJsonAsync<JsonElement>("/api/library-fund/events?limit=1000", cancellationToken: TestContext.Current.CancellationToken);
        Assert.DoesNotContain("giamdoc@tamhung.vn", feed.GetRawText());
        Assert.Contains(feed.GetProperty("items").EnumerateArray(), item => item.GetProperty("type").GetString() == "learningweek.library-fund.donation-allocated.v1");
    }

    [Fact]
    public async Task In_kind_gifts_are_counted_and_valued_apart_from_cash()
    {
        var ward = await FundWard.OpenAsync(service);
        var shelf = await ward.BookshelfAsync();
        var (books, _) = await ward.PledgeAsync(ward.BooksPledge(300, 15_000_000));
        var (tablets, _) = await ward.PledgeAsync(new
        {
            planId = ward.PlanId,
            donor = new { kind = "parents-association", name = "Ban đại diện cha mẹ học sinh Trường Tiểu học Tam Hưng" },
            giftKind = "equipment",
            description = "Máy tính bảng cho thư viện số",
            quantity = 4,
            estimatedValueVnd = 12_000_000,
            beneficiaryUnitCode = ward.School,
        });
        using (await ward.ReceiveAsync(books, 200, "BN-1"))
        using (await ward.ReceiveAsync(tablets, 4, "BN-2"))
        using (await ward.AllocateAsync(books, shelf, 150))
        {
        }

        var ledger = await Eventually.Get(
            () => ward.Public.GetFromJsonAsync<JsonElement>($"/api/library-fund/ledger?wardCode={ward.Ward}"),
            until: l => l.GetProperty("overall").GetProperty("totals").GetProperty("books").GetProperty("allocated").GetInt64() == 150);

        var totals = ledger.GetProperty("overall").GetProperty("totals");
        Assert.Equal(0, totals.GetProperty("cashVnd").GetProperty("pledged").GetInt64());
        var inKind = totals.GetProperty("inKindValueVnd");
        Assert.Equal((27_000_000L, 22_000_000L, 7_500_000L), (inKind.GetProperty("pledged").GetInt64(), inKind.GetProperty("received").GetInt64(), inKind.GetProperty("allocated").GetInt64()));
        Assert.Equal((300L, 200L, 150L, 50L), (totals.GetProperty("books").GetProperty("pledged").GetInt64(), totals.GetProperty("books").GetProperty("received").GetInt64(),
            totals.GetProperty("books").GetProperty("allocated").GetInt64(), totals.GetProperty("books").GetProperty("balance").GetInt64()));
        Assert.Equal(4, totals.GetProperty("equipment").GetProperty("received").GetInt64());
        var byKind = ledger.GetProperty("overall").GetProperty("byGiftKind").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!);
        Assert.Equal(("Sách", "cuốn"), (byKind["books"].GetProperty("name").GetString(), byKind["books"].GetProperty("unit").GetString()));
        Assert.Equal(12_000_000, byKind["equipment"].GetProperty("valueVnd").GetProperty("received").GetInt64());
        var byDonor = ledger.GetProperty("overall").GetProperty("byDonorKind").EnumerateArray().Select(d => d.GetProperty("name").GetString());
        Assert.Equal(["Tổ chức, doanh nghiệp", "Ban đại diện cha mẹ học sinh"], byDonor);
    }

    [Fact]
    public async Task The_ledger_needs_no_token_but_everything_else_does()
    {
        using var ledger = await service.CreateClient().GetAsync("/api/library-fund/ledger", TestContext.Current.CancellationToken);
        using var pledges = await service.CreateClient().GetAsync("/api/library-fund/pledges", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, ledger.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, pledges.StatusCode);
    }

    [Fact]
    public async Task The_ledger_is_read_a_page_of_funds_at_a_time_and_a_funds_lines_page_by_page()
    {
        var ward = await FundWard.OpenAsync(service);
        var other = await FundWard.OpenAsync(service);
        var pledges = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            pledges.Add((await ward.PledgeAsync(ward.MoneyPledge(1_000_000 * i))).Id);
        }

        await other.PledgeAsync(other.MoneyPledge(500_000));
        var fundKey = ward.PlanId.ToString();
        await Eventually.Get(
            () => ward.Public.GetFromJsonAsync<JsonElement>($"/api/library-fund/ledger?planId={ward.PlanId}"),
            until: l => l.GetProperty("funds").EnumerateArray().Any(f => f.GetProperty("summary").GetProperty("totals").GetProperty("pledges").GetInt32() == 3));
        await Eventually.Get(
            () => ward.Public.GetFromJsonAsync<JsonElement>($"/api/library-fund/ledger?planId={other.PlanId}"),
            until: l => l.GetProperty("funds").GetArrayLength() == 1);

        var first = await ward.Public.GetFromJsonAsync<JsonElement>("/api/library-fund/ledger?limit=1", TestContext.Current.CancellationToken);
        Assert.Single(first.GetProperty("funds").EnumerateArray());
        Assert.True(first.GetProperty("more").GetBoolean());
        var next = first.GetProperty("next").GetString()!;
        var second = await ward.Public.GetFromJsonAsync<JsonElement>($"/api/library-fund/ledger?limit=1&after={Uri.EscapeDataString(next)}", TestContext.Current.CancellationToken);
        Assert.NotEqual(first.GetProperty("funds")[0].GetProperty("fundKey").GetString(), second.GetProperty("funds")[0].GetProperty("fundKey").GetString());

        var page1 = await ward.Public.GetFromJsonAsync<JsonElement>($"/api/library-fund/ledger/funds/{fundKey}/lines?limit=2", TestContext.Current.CancellationToken);
        var page2 = await ward.Public.GetFromJsonAsync<JsonElement>(
            $"/api/library-fund/ledger/funds/{fundKey}/lines?limit=2&after={page1.GetProperty("next").GetString()}", TestContext.Current.CancellationToken);
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page2.GetProperty("next").ValueKind);
        Assert.Equal(pledges, page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).Select(line => line.GetProperty("pledgeId").GetGuid()));
    }

    [Theory]
    [InlineData("/api/library-fund/ledger?limit=0", "limit")]
    [InlineData("/api/library-fund/ledger?limit=51", "limit")]
    [InlineData("/api/library-fund/ledger?after=a%20b", "after")]
    [InlineData("/api/library-fund/ledger/funds/x/lines?limit=201", "limit")]
    public async Task An_anonymous_caller_cannot_ask_for_more_than_a_page(string path, string field)
    {
        using var response = await service.CreateClient().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
