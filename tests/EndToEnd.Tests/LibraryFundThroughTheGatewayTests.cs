using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using LearningWeek.Testing;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>The README's library-fund walk-through, through the gateway of a running system on the sample plan.</summary>
[Collection(LocalSystemCollection.Name)]
public sealed class LibraryFundThroughTheGatewayTests(LocalSystem system)
{
    [Fact]
    public async Task A_pledge_is_received_allocated_thanked_and_shown_in_the_public_ledger()
    {
        var officer = await Client("ward-officer");
        var school = await Client("TH-TAMHUNG");
        var planId = (await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>("/api/planning/plans?year=2025"),
            until: page => page.GetProperty("items").GetArrayLength() > 0)).GetProperty("items")[0].GetProperty("id").GetGuid();

        // The fund opens when Planning's PlanIssued reaches LibraryFund; until then the plan is not found and nothing is stored.
        var pledged = await Eventually.Get(
            () => officer.PostAsJsonAsync("/api/library-fund/pledges", new
            {
                planId,
                donor = new { kind = "organisation", name = "Công ty TNHH Vận tải biển Nam Triệu", contact = "phongketoan@vantainamtrieu.vn" },
                giftKind = "money",
                quantity = 20_000_000,
                beneficiaryUnitCode = "TH-TAMHUNG",
            }),
            until: response => response.StatusCode != HttpStatusCode.NotFound, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, pledged.StatusCode);
        var pledgeId = (await pledged.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        using var shelf = await school.PostAsJsonAsync("/api/library-fund/bookshelves", new
        {
            planId,
            kind = "classroom",
            name = "Tủ sách lớp 5A",
            location = "Lớp 5A",
            establishedOn = "2025-10-02",
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, shelf.StatusCode);
        var shelfId = (await shelf.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        using var received = await officer.PostAsJsonAsync($"/api/library-fund/pledges/{pledgeId}/receipts", new { receiptNumber = $"PT-{pledgeId:N}"[..20], receivedOn = "2025-10-06", quantity = 15_000_000 }, cancellationToken: TestContext.Current.CancellationToken);
        using var allocated = await officer.PostAsJsonAsync($"/api/library-fund/pledges/{pledgeId}/allocations", new { bookshelfId = shelfId, quantity = 10_000_000 }, cancellationToken: TestContext.Current.CancellationToken);
        using var tooMuch = await officer.PostAsJsonAsync($"/api/library-fund/pledges/{pledgeId}/allocations", new { bookshelfId = shelfId, quantity = 6_000_000 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        Assert.Equal(HttpStatusCode.Created, allocated.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);

        var anonymous = system.CreateGatewayClient();
        var ledger = await Eventually.Get(
            () => anonymous.GetFromJsonAsync<JsonElement>($"/api/library-fund/ledger?planId={planId}"),
            until: l => Line(l, pledgeId) is { } line && line.GetProperty("quantity").GetProperty("allocated").GetInt64() > 0, TimeSpan.FromSeconds(30));
        var figures = Line(ledger, pledgeId)!.Value.GetProperty("quantity");
        Assert.Equal((20_000_000L, 15_000_000L, 10_000_000L, 5_000_000L), (figures.GetProperty("pledged").GetInt64(), figures.GetProperty("received").GetInt64(),
            figures.GetProperty("allocated").GetInt64(), figures.GetProperty("balance").GetInt64()));
        Assert.DoesNotContain("phongketoan@vantainamtrieu.vn", ledger.GetRawText());

        using var letter = await officer.GetAsync($"/api/library-fund/pledges/{pledgeId}/thank-you-letter", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await letter.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), isEditable: false);
        Assert.Contains("THƯ CẢM ƠN", document.MainDocumentPart!.Document.Body!.InnerText);
        pledged.Dispose();
    }

    private static JsonElement? Line(JsonElement ledger, Guid pledgeId) =>
        ledger.GetProperty("funds").EnumerateArray().SelectMany(fund => fund.GetProperty("lines").EnumerateArray())
            .Where(line => line.GetProperty("pledgeId").GetGuid() == pledgeId).Select(line => (JsonElement?)line).FirstOrDefault();

    private Task<HttpClient> Client(string clientId) => system.SignedInClientAsync(clientId);
}
