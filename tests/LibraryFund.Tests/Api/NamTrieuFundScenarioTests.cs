extern alias reporting;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using LearningWeek.Testing;
using Marten;
using Figures = reporting::LearningWeek.ActivityReporting.LibraryFund.LibraryFundFigures;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>
/// Activity line 3.5 in Nam Triệu, on real servers: a company pledges 20,000,000 VND and 300 books
/// to Trường Tiểu học Tam Hưng; the parents of class 5A bring 120 books to their classroom
/// bookshelf; the culture house of Tổ dân phố 3 gets a digital bookshelf with five e-resources;
/// part of the gifts arrive and are allocated; an over-allocation is refused; a pledge is cancelled.
/// The public ledger has the exact figures and no personal data, and the ward report in
/// ActivityReporting states them.
/// </summary>
public sealed class NamTrieuFundScenarioTests(NamTrieuSystem system) : IClassFixture<NamTrieuSystem>
{
    private const string Company = "Công ty TNHH Vận tải biển Nam Triệu";
    private const string CompanyContact = "phongketoan@vantainamtrieu.vn";

    [Fact]
    public async Task From_pledges_to_the_public_ledger_and_the_ward_report()
    {
        var planId = await system.PlanAsync();
        var officer = system.Fund(TestTokens.WardOfficer());
        var school = system.Fund(TestTokens.Unit("TH-TAMHUNG"));

        // The school sets up its library and the 5A classroom bookshelf; the ward a digital bookshelf at the culture house.
        var library = await Created(school, "/api/library-fund/bookshelves", new
        {
            planId,
            kind = "school-library",
            name = "Thư viện Trường Tiểu học Tam Hưng",
            location = "Phòng thư viện, tầng 1",
            establishedOn = "2025-09-05",
            physicalBooks = 2500,
        });
        var classroom = await Created(school, "/api/library-fund/bookshelves", new
        {
            planId,
            kind = "classroom",
            name = "Tủ sách lớp 5A",
            location = "Lớp 5A",
            establishedOn = "2025-10-02",
        });
        var digital = await Created(officer, "/api/library-fund/bookshelves", new
        {
            hostUnitCode = "NVH-TDP3",
            planId,
            kind = "digital",
            name = "Tủ sách số Tổ dân phố 3",
            location = "Nhà văn hoá Tổ dân phố số 3",
            establishedOn = "2025-10-03",
        });
        var resources = new[]
        {
            ("Tủ sách điện tử thiếu nhi", "https://sachdientu.vn/thieu-nhi", "ebook"),
            ("Kỹ năng số cơ bản cho người dân", "https://onluyen.vn/ky-nang-so", "mooc"),
            ("Hướng dẫn sử dụng dịch vụ công trực tuyến", "https://www.youtube.com/watch?v=dvc-huong-dan", "video"),
            ("Sách nói: Dế Mèn phiêu lưu ký", "https://sachnoi.vn/de-men-phieu-luu-ky", "audiobook"),
            ("Thư viện số Hải Phòng", "https://thuvien.haiphong.gov.vn", "website"),
        };
        foreach (var (title, url, kind) in resources)
        {
            await Created(officer, $"/api/library-fund/bookshelves/{digital}/digital-resources", new { title, url, kind });
        }

        // The pledges.
        var money = await Created(officer, "/api/library-fund/pledges", new
        {
            planId,
            donor = new { kind = "organisation", name = Company, contact = CompanyContact },
            giftKind = "money",
            quantity = 20_000_000,
            beneficiaryUnitCode = "TH-TAMHUNG",
        });
        var books = await Created(officer, "/api/library-fund/pledges", new
        {
            planId,
            donor = new { kind = "organisation", name = Company, contact = CompanyContact },
            giftKind = "books",
            description = "Sách thiếu nhi và sách tham khảo",
            quantity = 300,
            estimatedValueVnd = 15_000_000,
            beneficiaryUnitCode = "TH-TAMHUNG",
        });
        var parents = await Created(school, "/api/library-fund/pledges", new
        {
            planId,
            donor = new { kind = "parents-association", name = "Ban đại diện cha mẹ học sinh lớp 5A", contact = "0913 000 555" },
            giftKind = "books",
            description = "Truyện và sách kỹ năng sống",
            quantity = 120,
            estimatedValueVnd = 6_000_000,
            titles = new[] { "Dế Mèn phiêu lưu ký", "Hạt giống tâm hồn" },
            bookshelfId = classroom,
        });
        var person = await Created(officer, "/api/library-fund/pledges", new
        {
            planId,
            donor = new { kind = "individual", name = "Trần Văn Cường", contact = "0988 123 456" },
            giftKind = "money",
            quantity = 2_000_000,
        });

        // What arrived, and where it went.
        await Created(officer, $"/api/library-fund/pledges/{money}/receipts", new { receiptNumber = "PT-2025-001", receivedOn = "2025-10-06", quantity = 15_000_000 });
        await Created(officer, $"/api/library-fund/pledges/{books}/receipts", new { receiptNumber = "PN-2025-001", receivedOn = "2025-10-06", quantity = 200 });
        await Created(officer, $"/api/library-fund/pledges/{parents}/receipts", new { receiptNumber = "PN-2025-002", receivedOn = "2025-10-04", quantity = 120 });
        await Created(officer, $"/api/library-fund/pledges/{money}/allocations", new { bookshelfId = library, quantity = 10_000_000 });
        await Created(officer, $"/api/library-fund/pledges/{books}/allocations", new { bookshelfId = library, quantity = 200 });
        await Created(officer, $"/api/library-fund/pledges/{parents}/allocations", new { bookshelfId = classroom, quantity = 120 });
        using (var cancelled = await officer.PostAsJsonAsync($"/api/library-fund/pledges/{person}/cancel", new { reason = "Nhà tài trợ chuyển sang ủng hộ quỹ khuyến học" }, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        }

        using (var tooMuch = await officer.PostAsJsonAsync($"/api/library-fund/pledges/{money}/allocations", new { bookshelfId = classroom, quantity = 6_000_000 }, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
            var problem = await tooMuch.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal("urn:learningweek:problem:allocation-exceeds-received", problem.GetProperty("type").GetString());
            Assert.Equal("Số phân bổ vượt số đã tiếp nhận", problem.GetProperty("title").GetString());
        }

        // The public ledger, read without a token.
        var ledger = await Eventually.Get(
            () => system.Fund(null).GetFromJsonAsync<JsonElement>($"/api/library-fund/ledger?planId={planId}"),
            until: l => l.GetProperty("overall").GetProperty("totals").GetProperty("cancelledPledges").GetInt32() == 1
                && l.GetProperty("overall").GetProperty("totals").GetProperty("books").GetProperty("allocated").GetInt64() == 320,
            TimeSpan.FromSeconds(30));
        var totals = ledger.GetProperty("overall").GetProperty("totals");
        Assert.Equal(4, totals.GetProperty("pledges").GetInt32());
        Assert.Equal(new long[] { 22_000_000, 15_000_000, 10_000_000, 5_000_000, 5_000_000, 2_000_000 }, Figures(totals.GetProperty("cashVnd")));
        Assert.Equal(new long[] { 420, 320, 320, 0, 100, 0 }, Figures(totals.GetProperty("books")));
        Assert.Equal(new long[] { 21_000_000, 16_000_000, 16_000_000, 0, 5_000_000, 0 }, Figures(totals.GetProperty("inKindValueVnd")));
        var byDonor = ledger.GetProperty("overall").GetProperty("byDonorKind").EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!);
        Assert.Equal(2, byDonor["organisation"].GetProperty("pledges").GetInt32());
        Assert.Equal(15_000_000, byDonor["organisation"].GetProperty("cashVnd").GetProperty("received").GetInt64());
        Assert.Equal(6_000_000, byDonor["parents-association"].GetProperty("inKindValueVnd").GetProperty("received").GetInt64());
        Assert.Equal(2_000_000, byDonor["individual"].GetProperty("cashVnd").GetProperty("withdrawn").GetInt64());
        var byUnit = ledger.GetProperty("overall").GetProperty("byBeneficiary").EnumerateArray().ToDictionary(u => u.GetProperty("unitName").GetString()!);
        Assert.Equal(3, byUnit["Trường Tiểu học Tam Hưng"].GetProperty("pledges").GetInt32());
        Assert.Equal(1, byUnit["Chưa chỉ định đơn vị thụ hưởng"].GetProperty("pledges").GetInt32());
        var byShelf = ledger.GetProperty("overall").GetProperty("byBookshelf").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal((10_000_000L, 200L, 10_000_000L), (byShelf["Thư viện Trường Tiểu học Tam Hưng"].GetProperty("cashVnd").GetInt64(),
            byShelf["Thư viện Trường Tiểu học Tam Hưng"].GetProperty("books").GetInt64(), byShelf["Thư viện Trường Tiểu học Tam Hưng"].GetProperty("inKindValueVnd").GetInt64()));
        Assert.Equal(120, byShelf["Tủ sách lớp 5A"].GetProperty("books").GetInt64());
        var raw = ledger.GetRawText();
        foreach (var personal in new[] { CompanyContact, "0913 000 555", "0988 123 456", "Trần Văn Cường" })
        {
            Assert.DoesNotContain(personal, raw);
        }

        // The bookshelves hold what was given to them (a projection of its own, which may trail the ledger's).
        var shelves = await Eventually.Get(
            async () => (await officer.GetFromJsonAsync<JsonElement>("/api/library-fund/bookshelves?unitCode=TH-TAMHUNG")).GetProperty("items").EnumerateArray()
                .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("physicalBooks").GetInt64()),
            until: books => books["Thư viện Trường Tiểu học Tam Hưng"] == 2700);
        Assert.Equal(2700, shelves["Thư viện Trường Tiểu học Tam Hưng"]);
        Assert.Equal(5, (await officer.GetFromJsonAsync<JsonElement>($"/api/library-fund/bookshelves/{digital}", cancellationToken: TestContext.Current.CancellationToken)).GetProperty("digitalResources").GetArrayLength());

        // ActivityReporting followed the fund's events; its ward report states the 3.5 figures.
        await using (var session = system.ReportingStore.QuerySession())
        {
            await Eventually.Get(() => session.LoadAsync<Figures>(planId),
                until: f => f is { Bookshelves: 3, DigitalResources: 5, BooksReceived: 320, AllocatedVnd: 10_000_000, Donors: 3, PledgedVnd: 20_000_000 },
                TimeSpan.FromSeconds(30));
        }

        var reportingOfficer = system.Reporting(TestTokens.WardOfficer());
        using var compiled = await reportingOfficer.PostAsJsonAsync($"/api/reporting/plans/{planId}/ward-report", new { number = "31/BC-UBND" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, compiled.StatusCode);
        var fund = (await compiled.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("content").GetProperty("libraryFund");
        Assert.True(fund.GetProperty("available").GetBoolean());
        Assert.Equal((20_000_000L, 15_000_000L, 10_000_000L, 16_000_000L), (fund.GetProperty("pledgedVnd").GetInt64(), fund.GetProperty("receivedVnd").GetInt64(),
            fund.GetProperty("allocatedVnd").GetInt64(), fund.GetProperty("inKindReceivedVnd").GetInt64()));
        using var download = await reportingOfficer.GetAsync($"/api/reporting/plans/{planId}/ward-report?format=docx", TestContext.Current.CancellationToken);
        using var document = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), isEditable: false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(
            "đã có 3 lượt cam kết tài trợ, với tổng số tiền mặt cam kết 20.000.000 đồng; đã tiếp nhận 15.000.000 đồng tiền mặt và hiện vật trị giá ước tính 16.000.000 đồng, " +
            "trong đó 320 cuốn sách; đã phân bổ 10.000.000 đồng tiền mặt cho các tủ sách. Toàn phường có 3 tủ sách, thư viện được xây dựng, bổ sung với 5 tài nguyên số.",
            text);
        Assert.DoesNotContain("Chưa có số liệu từ hệ thống Tủ sách", text);
    }

    private static long[] Figures(JsonElement figures) =>
        [.. new[] { "pledged", "received", "allocated", "balance", "outstanding", "withdrawn" }.Select(name => figures.GetProperty(name).GetInt64())];

    private static async Task<Guid> Created(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {text}");
        var created = JsonDocument.Parse(text).RootElement;
        return created.TryGetProperty("id", out var id) ? id.GetGuid() : Guid.Empty;
    }
}
