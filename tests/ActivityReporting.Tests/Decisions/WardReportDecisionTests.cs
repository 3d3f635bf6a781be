using DocumentFormat.OpenXml.Packaging;
using LearningWeek.ActivityReporting.LibraryFund;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ActivityReporting.WardReports;
using LearningWeek.Documents;
using ParticipantCounts = LearningWeek.ActivityReporting.Activities.ParticipantCounts;
using LearningWeek.Testing;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.ActivityReporting.Tests.Decisions;

public sealed class WardReportDecisionTests
{
    private static readonly DateTimeOffset ReportDay = new(2025, 10, 18, 10, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void A_report_date_off_the_calendar_of_a_campaign_is_refused_naming_it(int year, int month, int day)
    {
        var result = new CompileWardReport.Validator().Validate(new CompileWardReport.Request(null, new DateOnly(year, month, day), null, null, null, null));

        Assert.Equal("ReportDate", Assert.Single(result.Errors).PropertyName);
    }

    [Fact]
    public void The_report_states_the_progress_and_fund_figures_and_what_units_highlighted()
    {
        var figures = Progress();
        var accepted = Given.Submitted().Apply(new UnitReports.UnitReportAccepted(Given.PlanId, "TH-TAMHUNG", "HP-NAMTRIEU", 1, null, ReportDay, "ward-officer"));
        accepted = accepted with { Narrative = new Narrative("Kết quả", "Học sinh hào hứng với ngày hội đọc sách", "Thiếu thiết bị", null) };

        var e = DecisionAssert.Emits<WardReportCompiled>(CompileWardReport.Decide(
            null, Given.Plan, new CompileWardReport.Request("25/BC-UBND", null, null, null, null, null), figures, FundSnapshot.From(null),
            [accepted], new Dictionary<string, KnownUnit> { ["TH-TAMHUNG"] = new() { Id = "TH-TAMHUNG", Name = "Trường Tiểu học Tam Hưng" } },
            Given.Officer, ReportDay));

        Assert.Equal("25/BC-UBND", e.Content.Number);
        Assert.Equal(new DateOnly(2025, 10, 18), e.Content.ReportDate);
        Assert.Same(figures, e.Content.Figures);
        Assert.False(e.Content.LibraryFund.Available);
        Assert.Contains("Chưa có số liệu", e.Content.LibraryFund.Note);
        Assert.Equal("Trường Tiểu học Tam Hưng", Assert.Single(e.Content.Highlights).UnitName);
        Assert.Equal("Nguyễn Đức Dũng", e.Content.Signature.Signer);
    }

    [Fact]
    public void Submitting_before_the_wards_deadline_is_on_time_and_freezes_the_report()
    {
        var draft = Draft();

        var e = DecisionAssert.Emits<WardReports.WardReportSubmitted>(SubmitWardReport.Decide(draft, Given.Plan, Given.Officer, Given.WardDue.AddSeconds(-1)));
        var submitted = draft.Apply(e);

        Assert.True(e.OnTime);
        Assert.Equal(12, e.Totals.UnitsExpected);
        DecisionAssert.Fails(SubmitWardReport.Decide(submitted, Given.Plan, Given.Officer, Given.WardDue), 409, "ward-report-submitted");
        DecisionAssert.Fails(CompileWardReport.Decide(submitted, Given.Plan, new CompileWardReport.Request(null, null, null, null, null, null), Progress(),
            FundSnapshot.From(null), [], new Dictionary<string, KnownUnit>(), Given.Officer, Given.WardDue), 409, "ward-report-submitted");
    }

    [Fact]
    public void Submitting_at_the_wards_due_instant_is_late()
    {
        Assert.False(DecisionAssert.Emits<WardReports.WardReportSubmitted>(SubmitWardReport.Decide(Draft(), Given.Plan, Given.Officer, Given.WardDue)).OnTime);
    }

    [Fact]
    public void The_document_is_in_the_decree_30_layout_with_the_figures_of_the_report()
    {
        var bytes = WardReportDocument.Build(Draft());

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        var page = document.MainDocumentPart.Document.Body.Elements<DocumentFormat.OpenXml.Wordprocessing.SectionProperties>().Single()
            .GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.PageSize>()!;
        Assert.Equal(11906U, page.Width!.Value); // A4
        Assert.Equal(16838U, page.Height!.Value);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
        Decree30Layout.AssertHolds(bytes, ["ỦY BAN NHÂN DÂN", "PHƯỜNG NAM TRIỆU"], "BÁO CÁO");
        Assert.Contains("Số: 25/BC-UBND", text);
        // No fund figures yet: the note says so in Vietnamese only.
        Assert.Contains("Chưa có số liệu từ hệ thống Tủ sách – Quỹ; các số liệu của nội dung 3.5 tạm ghi bằng 0.", text);
        Assert.Contains("Nam Triệu, ngày 18 tháng 10 năm 2025", text);
        Assert.Contains("BÁO CÁO", text);
        Assert.Contains("Có 12 đơn vị phải báo cáo", text);
        Assert.Contains("đạt 33,3%", text);
        Assert.Contains("1.234 lượt người tham gia", text);
        Assert.Contains("Nơi nhận:", text);
        Assert.Contains("Nguyễn Đức Dũng", text);
        Assert.All(document.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.RunFonts>(),
            font => Assert.Equal("Times New Roman", font.Ascii!.Value));
    }

    [Theory]
    [InlineData(1234567L, "1.234.567")]
    [InlineData(0L, "0")]
    public void Numbers_are_grouped_with_dots(long value, string text) => Assert.Equal(text, VietnameseText.Number(value));

    [Fact]
    public void Money_shares_and_dates_read_as_in_vietnamese_documents()
    {
        Assert.Equal("20.000.000 đồng", VietnameseText.Money(20_000_000));
        Assert.Equal("83,3%", VietnameseText.Percent(0.8333));
        Assert.Equal("ngày 05 tháng 02 năm 2026", VietnameseText.LongDate(new DateOnly(2026, 2, 5)));
        Assert.Equal("ngày 15 tháng 10 năm 2025", VietnameseText.LongDate(new DateOnly(2025, 10, 15)));
    }

    private static WardReport Draft() => WardReport.Create(new WardReportCompiled(Given.PlanId, "HP-NAMTRIEU", 1,
        CompileWardReport.Decide(null, Given.Plan, new CompileWardReport.Request("25/BC-UBND", null, null, null, null, null), Progress(), FundSnapshot.From(null),
            [], new Dictionary<string, KnownUnit>(), Given.Officer, ReportDay).Events.OfType<WardReportCompiled>().Single().Content, ReportDay, "ward-officer"));

    /// <summary>12 units expected, 4 submitted (3 on time), 1,234 participants.</summary>
    private static ProgressResponse Progress()
    {
        var progress = new ProgressFold(Given.PlanId);
        string[] units = ["MN-TAMHUNG", "MN-PHUCLE", "TH-TAMHUNG", "TH-PHULE", "TH-LAPLE", "THCS-TAMHUNG", "THCS-LAPLE", "MTTQ-NAMTRIEU", "HPN-NAMTRIEU", "DTN-NAMTRIEU", "CCB-NAMTRIEU", "HKH-NAMTRIEU"];
        foreach (var unit in units)
        {
            progress.Apply(new ReportingObligationOpened(Given.PlanId, unit, unit.StartsWith("MN", StringComparison.Ordinal) ? "kindergarten" : "primary", "HP-NAMTRIEU", Given.UnitsDue, 10, ReportDay));
        }

        foreach (var (unit, onTime) in new[] { ("TH-TAMHUNG", true), ("TH-PHULE", true), ("MN-TAMHUNG", true), ("TH-LAPLE", false) })
        {
            progress.Apply(new UnitReports.UnitReportSubmitted(Given.PlanId, unit, "primary", "HP-NAMTRIEU", 1, new Narrative("x", null, null, null),
                new ReportFigures(0, 0, new ParticipantCounts(0, 0, 0, 0, 0), []), Given.UnitsDue, onTime, ReportDay, unit));
        }

        progress.Apply(new Activities.ActivityReported(Guid.NewGuid(), Given.PlanId, "TH-TAMHUNG", "primary", "HP-NAMTRIEU",
            new Activities.ActivityContent("3.2", "Ngày hội đọc sách", new DateOnly(2025, 10, 2), null, "Trường", [], new ParticipantCounts(1000, 34, 200, 0, 0), 3, [], null),
            ReportDay, "TH-TAMHUNG"));
        return ProgressResponse.Build(Given.Plan, progress.Progress, new Dictionary<string, KnownUnit>());
    }
}
