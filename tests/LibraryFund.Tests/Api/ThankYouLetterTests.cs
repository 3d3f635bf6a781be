using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using LearningWeek.Testing;

namespace LearningWeek.LibraryFund.Tests.Api;

/// <summary>The thank-you letter: a .docx in the Decree 30/2020 layout, with what arrived and where it went.</summary>
public sealed class ThankYouLetterTests(LibraryFundService service) : IClassFixture<LibraryFundService>
{
    [Fact]
    public async Task A_company_is_thanked_for_what_arrived_in_the_plans_name()
    {
        var ward = await FundWard.OpenAsync(service);
        var shelf = await ward.BookshelfAsync();
        var (id, _) = await ward.PledgeAsync(ward.BooksPledge(300, 15_000_000));
        using (var received = await ward.ReceiveAsync(id, 200, "BN-2026-015", receivedOn: "2026-10-03"))
        {
            Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        }

        using (var allocated = await ward.AllocateAsync(id, shelf, 120))
        {
            Assert.Equal(HttpStatusCode.Created, allocated.StatusCode);
        }

        using var letter = await ward.Officer.GetAsync($"/api/library-fund/pledges/{id}/thank-you-letter", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"thu-cam-on-{id:N}.docx", letter.Content.Headers.ContentDisposition?.FileNameStar ?? letter.Content.Headers.ContentDisposition?.FileName);
        var bytes = await letter.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var text = Text(bytes);
        Decree30Layout.AssertHolds(bytes, ["ỦY BAN NHÂN DÂN", "PHƯỜNG NAM TRIỆU"], "THƯ CẢM ƠN");
        // A thư công has no abbreviation of its own in Appendix III ("TC" is a communiqué): numbered as an official letter.
        Assert.Contains("Số:       /UBND-VHXH", Decree30Layout.Paragraphs(bytes));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("THƯ CẢM ƠN", text);
        Assert.Contains("Kính gửi: Công ty TNHH Thương mại Tam Hưng", text);
        Assert.Contains("200 cuốn sách (Sách thiếu nhi, truyện tranh khoa học), trị giá ước tính 10.000.000 đồng", text);
        Assert.Contains("BN-2026-015", text);
        Assert.Contains("03/10/2026", text);
        Assert.Contains("Tủ sách lớp 5A (Lớp 5A): 120 cuốn", text);
        Assert.Contains("Nguyễn Đức Dũng", text);
        Assert.DoesNotContain("0912 345 678", text);
    }

    [Fact]
    public async Task An_individual_is_addressed_by_name_in_their_own_letter()
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(new
        {
            planId = ward.PlanId,
            donor = new { kind = "individual", name = "Nguyễn Văn An" },
            giftKind = "money",
            quantity = 2_000_000,
        });
        using (await ward.ReceiveAsync(id, 2_000_000, "BN-1"))
        {
        }

        using var letter = await ward.Officer.GetAsync($"/api/library-fund/pledges/{id}/thank-you-letter", TestContext.Current.CancellationToken);

        var text = Text(await letter.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Kính gửi: Ông/Bà Nguyễn Văn An", text);
        Assert.Contains("số tiền 2.000.000 đồng", text);
    }

    [Fact]
    public async Task There_is_no_letter_before_anything_arrives_and_none_for_others()
    {
        var ward = await FundWard.OpenAsync(service);
        var (id, _) = await ward.PledgeAsync(ward.MoneyPledge());

        using var early = await ward.Officer.GetAsync($"/api/library-fund/pledges/{id}/thank-you-letter", TestContext.Current.CancellationToken);
        using (await ward.ReceiveAsync(id, 1_000_000, "BN-1"))
        {
        }

        using var bySchool = await ward.SchoolClient.GetAsync($"/api/library-fund/pledges/{id}/thank-you-letter", TestContext.Current.CancellationToken);
        using var byOtherWard = await service.CreateClient(TestTokens.WardOfficer("HP-OTHER")).GetAsync($"/api/library-fund/pledges/{id}/thank-you-letter", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("urn:learningweek:problem:nothing-received", (await early.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, bySchool.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherWard.StatusCode);
    }

    private static string Text(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}
