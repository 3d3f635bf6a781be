using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningWeek.Testing;
using Marten;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>Bad input for every field of every LibraryFund command: a ProblemDetails naming the field, and nothing stored.</summary>
public sealed class BadInputTests(LibraryFundService service) : IClassFixture<LibraryFundService>
{
    private static readonly string TooLong = new('x', 501);

    public static TheoryData<string, string, int, string> BadPledges => new()
    {
        { "no donor", """{"donor": null}""", 400, "donor" },
        { "donor kind unknown", """{"donor": {"kind": "company", "name": "Công ty"}}""", 400, "donor.kind" },
        { "donor without name", """{"donor": {"kind": "organisation", "name": "  "}}""", 400, "donor.name" },
        { "donor contact too long", $$$"""{"donor": {"kind": "individual", "name": "An", "contact": "{{{new string('1', 201)}}}"}}""", 400, "donor.contact" },
        { "no gift kind", """{"giftKind": null}""", 400, "giftKind" },
        { "gift kind unknown", """{"giftKind": "gold"}""", 400, "giftKind" },
        { "zero amount", """{"quantity": 0}""", 400, "quantity" },
        { "negative amount", """{"quantity": -20000000}""", 400, "quantity" },
        { "fractional dong", """{"quantity": 20000000.5}""", 400, "quantity" },
        { "amount as text", """{"quantity": "20 triệu"}""", 400, "quantity" },
        { "absurd amount", """{"quantity": 200000000000}""", 400, "quantity" },
        { "books without description", """{"giftKind": "books", "quantity": 300}""", 400, "description" },
        { "too many books", """{"giftKind": "books", "description": "Sách", "quantity": 1000001}""", 400, "quantity" },
        { "equipment without value", """{"giftKind": "equipment", "description": "Máy tính bảng", "quantity": 5}""", 400, "estimatedValueVnd" },
        { "negative value", """{"giftKind": "equipment", "description": "Máy tính bảng", "quantity": 5, "estimatedValueVnd": -1}""", 400, "estimatedValueVnd" },
        { "description too long", $$"""{"description": "{{TooLong}}"}""", 400, "description" },
        { "empty title", """{"giftKind": "books", "description": "Sách", "titles": [""]}""", 400, "titles[0]" },
        { "unknown plan", $$"""{"planId": "{{Guid.NewGuid()}}"}""", 404, "planId" },
        { "plan id not a guid", """{"planId": "KH-2026"}""", 400, "planId" },
        { "unknown beneficiary", """{"beneficiaryUnitCode": "TH-KHONGCO"}""", 404, "beneficiaryUnitCode" },
        { "beneficiary code malformed", """{"beneficiaryUnitCode": "th tam hung"}""", 400, "beneficiaryUnitCode" },
        { "unknown bookshelf", $$"""{"bookshelfId": "{{Guid.NewGuid()}}"}""", 404, "bookshelfId" },
        { "unknown field", """{"amount": 1}""", 400, "amount" },
    };

    public static TheoryData<string, string, int, string> BadReceipts => new()
    {
        { "no receipt number", """{"receiptNumber": ""}""", 400, "receiptNumber" },
        { "receipt number too long", $$"""{"receiptNumber": "{{new string('9', 51)}}"}""", 400, "receiptNumber" },
        { "no date", """{"receivedOn": null}""", 400, "receivedOn" },
        { "date as written in Vietnam", """{"receivedOn": "03/10/2026"}""", 400, "receivedOn" },
        { "date in the future", """{"receivedOn": "2099-01-01"}""", 422, "receivedOn" },
        { "the first day of the calendar", """{"receivedOn": "0001-01-01"}""", 400, "receivedOn" },
        { "the last day of the calendar", """{"receivedOn": "9999-12-31"}""", 400, "receivedOn" },
        { "zero quantity", """{"quantity": 0}""", 400, "quantity" },
        { "more than pledged", """{"quantity": 20000001}""", 422, "quantity" },
        { "over-delivery not a boolean", """{"overDelivery": "có"}""", 400, "overDelivery" },
        { "note with control characters", "{\"note\": \"a\\u0007b\"}", 400, "note" },
    };

    public static TheoryData<string, string, int, string> BadAllocations => new()
    {
        { "no bookshelf", """{"bookshelfId": null}""", 400, "bookshelfId" },
        { "unknown bookshelf", $$"""{"bookshelfId": "{{Guid.NewGuid()}}"}""", 404, "bookshelfId" },
        { "zero quantity", """{"quantity": 0}""", 400, "quantity" },
        { "more than received", """{"quantity": 5000001}""", 409, "quantity" },
    };

    public static TheoryData<string, string, int, string> BadBookshelves => new()
    {
        { "no kind", """{"kind": null}""", 400, "kind" },
        { "kind unknown", """{"kind": "shelf"}""", 400, "kind" },
        { "no name", """{"name": ""}""", 400, "name" },
        { "no location", """{"location": null}""", 400, "location" },
        { "no date", """{"establishedOn": null}""", 400, "establishedOn" },
        { "date in the future", """{"establishedOn": "2099-01-01"}""", 422, "establishedOn" },
        { "the first day of the calendar", """{"establishedOn": "0001-01-01"}""", 400, "establishedOn" },
        { "negative books", """{"physicalBooks": -1}""", 400, "physicalBooks" },
        { "printed books on a digital shelf", """{"kind": "digital", "physicalBooks": 10}""", 422, "physicalBooks" },
        { "unknown host", """{"hostUnitCode": "TH-KHONGCO"}""", 404, "hostUnitCode" },
        { "unknown plan", $$"""{"planId": "{{Guid.NewGuid()}}"}""", 404, "planId" },
    };

    public static TheoryData<string, string, int, string> BadResources => new()
    {
        { "no title", """{"title": ""}""", 400, "title" },
        { "no address", """{"url": null}""", 400, "url" },
        { "not a web address", """{"url": "javascript:alert(1)"}""", 400, "url" },
        { "relative address", """{"url": "/sach/1"}""", 400, "url" },
        { "kind unknown", """{"kind": "podcast"}""", 400, "kind" },
    };

    [Theory]
    [MemberData(nameof(BadPledges))]
    public async Task A_bad_pledge_names_the_field_and_nothing_is_stored(string kind, string patch, int status, string field)
    {
        var ward = await FundWard.OpenAsync(service);
        var body = Patch(new
        {
            planId = ward.PlanId,
            donor = new { kind = "organisation", name = "Công ty TNHH Thương mại Tam Hưng" },
            giftKind = "money",
            quantity = 20_000_000,
            beneficiaryUnitCode = ward.School,
        }, patch);

        await Expect(ward, ward.Officer, "/api/library-fund/pledges", body, kind, status, field);
    }

    [Theory]
    [MemberData(nameof(BadReceipts))]
    public async Task A_bad_receipt_names_the_field_and_nothing_is_stored(string kind, string patch, int status, string field)
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(ward.MoneyPledge());
        var body = Patch(new { receiptNumber = "BN-1", receivedOn = "2026-10-03", quantity = 1_000_000, note = "Chuyển khoản" }, patch);

        await Expect(ward, ward.Officer, $"/api/library-fund/pledges/{id}/receipts", body, kind, status, field);
    }

    [Theory]
    [MemberData(nameof(BadAllocations))]
    public async Task A_bad_allocation_names_the_field_and_nothing_is_stored(string kind, string patch, int status, string field)
    {
        var ward = await FundWard.OpenAsync(service);
        var shelf = await ward.BookshelfAsync();
        var (id, _) = await ward.PledgeAsync(ward.MoneyPledge());
        using (await ward.ReceiveAsync(id, 5_000_000, "BN-1"))
        {
        }

        var body = Patch(new { bookshelfId = shelf, quantity = 1_000_000 }, patch);

        await Expect(ward, ward.Officer, $"/api/library-fund/pledges/{id}/allocations", body, kind, status, field);
    }

    [Theory]
    [MemberData(nameof(BadBookshelves))]
    public async Task A_bad_bookshelf_names_the_field_and_nothing_is_stored(string kind, string patch, int status, string field)
    {
        var ward = await FundWard.OpenAsync(service);
        var body = Patch(new
        {
            hostUnitCode = ward.CultureHouse,
            planId = ward.PlanId,
            kind = "culture-house",
            name = "Tủ sách Tổ dân phố 3",
            location = "Nhà văn hoá Tổ dân phố số 3",
            establishedOn = "2026-10-02",
            physicalBooks = 0,
        }, patch);

        await Expect(ward, ward.Officer, "/api/library-fund/bookshelves", body, kind, status, field);
    }

    [Theory]
    [MemberData(nameof(BadResources))]
    public async Task A_bad_digital_resource_names_the_field_and_nothing_is_stored(string kind, string patch, int status, string field)
    {
        var ward = await FundWard.OpenAsync(service);
        var shelf = await ward.BookshelfAsync("digital", ward.CultureHouse);
        var body = Patch(new { title = "Tủ sách điện tử thiếu nhi", url = "https://sachdientu.vn/thieu-nhi", kind = "ebook" }, patch);

        await Expect(ward, ward.Officer, $"/api/library-fund/bookshelves/{shelf}/digital-resources", body, kind, status, field);
    }

    [Fact]
    public async Task A_cancellation_needs_a_reason()
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(ward.MoneyPledge());

        await Expect(ward, ward.Officer, $"/api/library-fund/pledges/{id}/cancel", new JsonObject { ["reason"] = " " }, "blank reason", 400, "reason");
    }

    [Fact]
    public async Task Bad_query_parameters_and_if_match_are_named()
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(ward.MoneyPledge());

        foreach (var (path, field) in new[]
        {
            ("/api/library-fund/pledges?limit=0", "limit"),
            ("/api/library-fund/pledges?donorKind=company", "donorKind"),
            ("/api/library-fund/pledges?planId=abc", "planId"),
            ("/api/library-fund/bookshelves?kind=shelf", "kind"),
            ("/api/library-fund/ledger?wardCode=%3Cscript%3E", "wardCode"),
        })
        {
            using var response = await ward.Officer.GetAsync(path, TestContext.Current.CancellationToken);
            await AssertProblem(response, $"GET {path}", 400, field);
        }

        using var badETag = await ward.ReceiveAsync(id, 1, "BN-1", ifMatch: "W/\"abc\"");
        await AssertProblem(badETag, "If-Match", 400, "If-Match");
    }

    private static JsonObject Patch(object body, string patch)
    {
        var node = JsonSerializer.SerializeToNode(body)!.AsObject();
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            node[name] = value?.DeepClone();
        }

        return node;
    }

    private static async Task Expect(FundWard ward, HttpClient client, string path, JsonObject body, string kind, int status, string field)
    {
        await using var session = ward.Store.QuerySession();
        var before = await session.Events.QueryAllRawEvents().CountAsync();

        using var response = await client.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        await AssertProblem(response, kind, status, field);
        Assert.Equal(before, await session.Events.QueryAllRawEvents().CountAsync());
    }

    private static async Task AssertProblem(HttpResponseMessage response, string kind, int status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, $"{kind}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{kind}: {text}");
    }
}
