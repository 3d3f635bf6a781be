using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.Testing;

namespace LearningWeek.ActivityReporting.Tests.Api;

/// <summary>
/// The whole Nam Triệu 2025 scenario on real servers: the plan issued in Planning opens the
/// obligations here through RabbitMQ; three schools and the women's union report; one school is
/// late; the ward accepts two reports and returns one; the progress is exact; the summary report
/// is compiled, its .docx holds the same figures in Vietnamese, and it is submitted.
/// </summary>
public sealed class NamTrieuScenarioTests(NamTrieuSystem system) : IClassFixture<NamTrieuSystem>
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task From_the_issued_plan_to_the_submitted_ward_report()
    {
        await using var city = await OutsideSubscriber.StartAsync(system.Servers.AdministratorOn(system.VirtualHost),
            typeof(LearningWeek.Contracts.Reporting.UnitReportSubmitted), typeof(LearningWeek.Contracts.Reporting.WardReportSubmitted));
        var officer = system.Client(TestTokens.WardOfficer());
        var planId = (await system.Planning(TestTokens.WardOfficer()).GetFromJsonAsync<JsonElement>("/api/planning/plans?year=2025", cancellationToken: TestContext.Current.CancellationToken))
            .GetProperty("items")[0].GetProperty("id").GetGuid();

        // The plan reached ActivityReporting through RabbitMQ: the seven schools must report (section III.3);
        // the Fatherland Front and the mass organisations take part (III.2) and may report activities voluntarily.
        var progress = await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: p => p.GetProperty("ward").GetProperty("expected").GetInt32() == 7, TimeSpan.FromSeconds(30));
        Assert.Equal(7, progress.GetProperty("ward").GetProperty("expected").GetInt32());

        system.Clock.Now = new DateTimeOffset(2025, 10, 8, 9, 0, 0, Vietnam);
        await Report("TH-TAMHUNG", planId, "3.2", 2, students: 450, staff: 32, parents: 60, sessions: 2);
        await Report("TH-TAMHUNG", planId, "3.3", 3, staff: 40, sessions: 1);
        await Report("THCS-LAPLE", planId, "3.6", 5, students: 120, staff: 8, sessions: 3);
        await Report("MN-TAMHUNG", planId, "3.1", 1, students: 200, staff: 20, parents: 150, sessions: 1);
        await Report("HPN-NAMTRIEU", planId, "3.4", 4, residents: 80, members: 45, sessions: 2);

        system.Clock.Now = new DateTimeOffset(2025, 10, 14, 16, 0, 0, Vietnam);
        foreach (var unit in new[] { "TH-TAMHUNG", "MN-TAMHUNG" })
        {
            Assert.True(await Submit(unit, planId), $"{unit} should be on time");
        }

        using (var voluntary = await system.Client(TestTokens.Unit("HPN-NAMTRIEU")).PostAsJsonAsync(
            $"/api/reporting/plans/{planId}/units/HPN-NAMTRIEU/report", new { results = "Đã tuyên truyền." }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, voluntary.StatusCode); // no summary report is due from it
        }

        system.Clock.Now = new DateTimeOffset(2025, 10, 15, 8, 30, 0, Vietnam);
        Assert.False(await Submit("THCS-LAPLE", planId), "THCS-LAPLE submitted after 00:00 on 15/10 and is late");

        await Review(officer, planId, "TH-TAMHUNG", "accept", new { note = "Đạt yêu cầu" });
        await Review(officer, planId, "MN-TAMHUNG", "return", new { reason = "Bổ sung minh chứng cho lễ khai mạc" });

        progress = await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: p => p.GetProperty("ward").GetProperty("returned").GetInt32() == 1 && p.GetProperty("ward").GetProperty("accepted").GetInt32() == 1);
        var ward = progress.GetProperty("ward");
        Assert.Equal((7, 3, 2, 1, 1, 1, 4), (Int(ward, "expected"), Int(ward, "submitted"), Int(ward, "onTime"), Int(ward, "late"),
            Int(ward, "accepted"), Int(ward, "returned"), Int(ward, "notSubmitted")));
        Assert.Equal(0.4286, ward.GetProperty("completeness").GetDouble());
        Assert.Equal(0.2857, ward.GetProperty("timeliness").GetDouble());
        var kinds = progress.GetProperty("byKind").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("rates"));
        Assert.Equal((2, 1, 1), Rates(kinds["kindergarten"]));
        Assert.Equal((3, 1, 1), Rates(kinds["primary"]));
        Assert.Equal((2, 1, 0), Rates(kinds["lower-secondary"]));
        Assert.Equal(["kindergarten", "primary", "lower-secondary"], kinds.Keys);
        var union = progress.GetProperty("units").EnumerateArray().Single(unit => unit.GetProperty("unitCode").GetString() == "HPN-NAMTRIEU");
        Assert.Equal((false, true, 1), (union.GetProperty("expected").GetBoolean(), union.GetProperty("voluntary").GetBoolean(), Int(union, "activityReports")));
        Assert.DoesNotContain(progress.GetProperty("units").EnumerateArray(), unit => unit.GetProperty("unitCode").GetString() == "MTTQ-NAMTRIEU");
        Assert.Equal(5, Int(progress, "activityReports"));
        Assert.Equal(9, Int(progress, "sessions"));
        Assert.Equal(1205, Int(progress, "participantsTotal"));
        var participants = progress.GetProperty("participants");
        Assert.Equal((770, 100, 210, 80, 45), (Int(participants, "students"), Int(participants, "teachersAndStaff"), Int(participants, "parents"),
            Int(participants, "residents"), Int(participants, "members")));
        var lines = progress.GetProperty("byLine").EnumerateArray().ToDictionary(l => l.GetProperty("lineCode").GetString()!, l => (Int(l, "activityReports"), Int(l, "sessions"), Int(l, "participantsTotal")));
        Assert.Equal((1, 1, 370), lines["3.1"]);
        Assert.Equal((1, 2, 542), lines["3.2"]);
        Assert.Equal((1, 1, 40), lines["3.3"]);
        Assert.Equal((1, 2, 125), lines["3.4"]);
        Assert.Equal((0, 0, 0), lines["3.5"]);
        Assert.Equal((1, 3, 128), lines["3.6"]);
        Assert.Equal(["01/10/2025", "02/10/2025", "03/10/2025", "04/10/2025", "05/10/2025"],
            progress.GetProperty("byDay").EnumerateArray().Select(d => d.GetProperty("dayText").GetString()));

        // The ward compiles its report, reviews the document, and submits it before 20/10.
        system.Clock.Now = new DateTimeOffset(2025, 10, 18, 10, 0, 0, Vietnam);
        using var compiled = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/ward-report", new { number = "25/BC-UBND", assessment = "Tuần lễ được các đơn vị hưởng ứng tích cực.", proposals = "Đề nghị Sở hỗ trợ tài liệu số." }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, compiled.StatusCode);
        var report = await compiled.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(ward.GetRawText(), report.GetProperty("content").GetProperty("figures").GetProperty("ward").GetRawText());
        Assert.Equal(progress.GetProperty("byLine").GetRawText(), report.GetProperty("content").GetProperty("figures").GetProperty("byLine").GetRawText());

        using var download = await officer.GetAsync($"/api/reporting/plans/{planId}/ward-report?format=docx", TestContext.Current.CancellationToken);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        using (var document = WordprocessingDocument.Open(new MemoryStream(await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), isEditable: false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
            Assert.Contains("ỦY BAN NHÂN DÂNPHƯỜNG NAM TRIỆU", text); // two header lines, as Appendix I writes a People's Committee
            Assert.Contains("Số: 25/BC-UBND", text);
            // It cites what it implements: the city's decision and the ward's plan (the sample plan was issued without a number).
            Assert.Matches(@"Thực hiện Quyết định số 3929/QĐ-UBND ngày 01/10/2025 của UBND thành phố Hải Phòng và Kế hoạch ngày \d{2}/\d{2}/\d{4} của Ủy ban nhân dân phường Nam Triệu về việc tổ chức Tuần lễ", text);
            Assert.Contains("Nam Triệu, ngày 18 tháng 10 năm 2025", text);
            Assert.Contains("Có 7 đơn vị phải báo cáo kết quả về phường (trước ngày 15/10/2025); đã nộp 3 đơn vị (đạt 42,9%), trong đó đúng hạn 2 đơn vị (đạt 28,6%), nộp muộn 1 đơn vị", text);
            Assert.Contains("tự nguyện báo cáo hoạt động (được tính vào kết quả tại mục II): Hội Liên hiệp Phụ nữ phường Nam Triệu (1 hoạt động).", text);
            Assert.DoesNotContain("Ủy ban MTTQ", text.Split("Đơn vị chưa nộp báo cáo:").Last().Split("II. KẾT QUẢ")[0]);
            Assert.Contains("đã tổ chức 5 hoạt động với 9 buổi, thu hút 1.205 lượt người tham gia", text);
            Assert.Contains("Đơn vị nộp muộn: Trường THCS Lập Lễ.", text);
            Assert.Contains("Chưa có số liệu từ hệ thống Tủ sách – Quỹ", text);
            Assert.Contains("Nguyễn Đức Dũng", text);
        }

        using (var unversioned = await officer.PostAsync($"/api/reporting/plans/{planId}/ward-report/submit", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, unversioned.StatusCode); // the officer must name the draft they reviewed
        }

        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/reporting/plans/{planId}/ward-report/submit");
        submit.Headers.TryAddWithoutValidation("If-Match", compiled.Headers.ETag!.Tag);
        using var submitted = await officer.SendAsync(submit, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.True((await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("onTime").GetBoolean());
        using var recompiled = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/ward-report", new { }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, recompiled.StatusCode);

        var messages = await city.WaitFor(received => received.Count(m => m.MessageType == "learningweek.reporting.ward-report-submitted.v1") == 1 && received.Count >= 4);
        var totals = Assert.Single(messages, m => m.MessageType == "learningweek.reporting.ward-report-submitted.v1").Message.GetProperty("totals");
        Assert.Equal(7, Int(totals, "unitsExpected"));
        Assert.Equal(770, totals.GetProperty("participants").GetProperty("students").GetInt32());
        Assert.Equal(5, Int(totals, "activityReports"));
        Assert.False(Assert.Single(messages, m => m.MessageType == "learningweek.reporting.unit-report-submitted.v1"
            && m.Message.GetProperty("unitCode").GetString() == "THCS-LAPLE").Message.GetProperty("onTime").GetBoolean());
    }

    private async Task Report(string unit, Guid planId, string line, int day, int students = 0, int staff = 0, int parents = 0, int residents = 0, int members = 0, int sessions = 1)
    {
        using var response = await system.Client(TestTokens.Unit(unit)).PostAsJsonAsync("/api/reporting/activities", new
        {
            planId,
            lineCode = line,
            title = $"Hoạt động {line} của {unit}",
            heldOn = $"2025-10-{day:D2}",
            location = "Tại đơn vị",
            formats = new[] { "Sinh hoạt chuyên đề" },
            participants = new { students, teachersAndStaff = staff, parents, residents, members },
            sessions,
            evidence = new[] { new { url = $"https://namtrieu.haiphong.gov.vn/tin/{unit.ToLowerInvariant()}-{line}", caption = "Tin bài" } },
        }, ApiJson.Options);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<bool> Submit(string unit, Guid planId)
    {
        using var response = await system.Client(TestTokens.Unit(unit)).PostAsJsonAsync($"/api/reporting/plans/{planId}/units/{unit}/report", new
        {
            results = $"{unit} đã tổ chức các hoạt động hưởng ứng Tuần lễ.",
            highlights = "Học sinh, phụ huynh tham gia đông đủ.",
            difficulties = "Thiết bị trình chiếu còn thiếu.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("onTime").GetBoolean();
    }

    private static async Task Review(HttpClient officer, Guid planId, string unit, string action, object body)
    {
        using var response = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/{unit}/report/{action}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static int Int(JsonElement element, string name) => element.GetProperty(name).GetInt32();

    private static (int Expected, int Submitted, int OnTime) Rates(JsonElement rates) => (Int(rates, "expected"), Int(rates, "submitted"), Int(rates, "onTime"));
}
