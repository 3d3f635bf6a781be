using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using LearningWeek.Testing;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>The README's reporting walk-through, through the gateway of a running system on the sample plan.</summary>
[Collection(LocalSystemCollection.Name)]
public sealed class ReportingThroughTheGatewayTests(LocalSystem system)
{
    [Fact]
    public async Task A_school_reports_a_mass_organisation_reports_voluntarily_the_ward_reviews_compiles_and_downloads_the_docx()
    {
        var officer = await Client("ward-officer");
        var planId = (await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>("/api/planning/plans?year=2025"),
            until: page => page.GetProperty("items").GetArrayLength() > 0)).GetProperty("items")[0].GetProperty("id").GetGuid();
        // The seven schools must report (section III.3 of the plan); the mass organisations take part.
        await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: progress => progress.GetProperty("ward").GetProperty("expected").GetInt32() == 7, TimeSpan.FromSeconds(30));

        foreach (var (unit, line, students, residents) in new[] { ("THCS-TAMHUNG", "3.6", 150, 0), ("DTN-NAMTRIEU", "3.4", 0, 60) })
        {
            var client = await Client(unit);
            using var activity = await client.PostAsJsonAsync("/api/reporting/activities", new
            {
                planId,
                lineCode = line,
                title = "Hoạt động hưởng ứng Tuần lễ",
                heldOn = "2025-10-03",
                location = "Nhà văn hoá Tổ dân phố số 3",
                participants = new { students, residents },
                sessions = 1,
            }, cancellationToken: TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, activity.StatusCode);
        }

        var school = await Client("THCS-TAMHUNG");
        using var report = await school.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/THCS-TAMHUNG/report", new { results = "Đã tổ chức hoạt động." }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        using var accepted = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/THCS-TAMHUNG/report/accept", new { }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var voluntary = await (await Client("DTN-NAMTRIEU")).PostAsJsonAsync($"/api/reporting/plans/{planId}/units/DTN-NAMTRIEU/report", new { results = "Đã tuyên truyền." }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, voluntary.StatusCode);

        var progress = await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: p => p.GetProperty("ward").GetProperty("accepted").GetInt32() >= 1 && p.GetProperty("participantsTotal").GetInt64() >= 210);
        var union = progress.GetProperty("units").EnumerateArray().Single(unit => unit.GetProperty("unitCode").GetString() == "DTN-NAMTRIEU");
        Assert.Equal((false, true), (union.GetProperty("expected").GetBoolean(), union.GetProperty("voluntary").GetBoolean()));

        using var compiled = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/ward-report", new { number = "25/BC-UBND" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(compiled.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await compiled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var download = await officer.GetAsync($"/api/reporting/plans/{planId}/ward-report?format=docx", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var document = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), isEditable: false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Có 7 đơn vị phải báo cáo kết quả về phường", text);
        Assert.Contains("tự nguyện báo cáo hoạt động", text);
    }

    [Fact]
    public async Task A_school_writing_for_another_school_is_refused_at_the_gateway()
    {
        var school = await Client("TH-TAMHUNG");

        using var response = await school.PostAsJsonAsync($"/api/reporting/plans/{Guid.NewGuid()}/units/TH-LAPLE/report", new { results = "Báo cáo thay" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private Task<HttpClient> Client(string clientId) => system.SignedInClientAsync(clientId);
}
