using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.ActivityReporting.UnitReports;
using ParticipantCounts = LearningWeek.ActivityReporting.Activities.ParticipantCounts;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.ActivityReporting.Tests.Decisions;

public sealed class ProgressTests
{
    private readonly ProgressFold _progress = new(Given.PlanId);

    [Fact]
    public void Completeness_and_timeliness_count_expected_units_and_leave_out_deactivated_ones()
    {
        Open("TH-TAMHUNG", "primary");
        Open("TH-LAPLE", "primary");
        Open("HPN-NAMTRIEU", "mass-organisation");
        Open("CCB-NAMTRIEU", "mass-organisation");
        Submit("TH-TAMHUNG", onTime: true);
        Submit("HPN-NAMTRIEU", onTime: false);
        _progress.Apply(new ReportingObligationWithdrawn(Given.PlanId, "CCB-NAMTRIEU", "Ngừng hoạt động", 30, Given.DuringTheWeek));

        var report = ProgressResponse.Build(Given.Plan, _progress.Progress, new Dictionary<string, KnownUnit>());

        Assert.Equal(new Rates(3, 2, 1, 1, 0, 0, 1, 0.6667, 0.3333), report.Ward);
        Assert.Equal(["primary", "mass-organisation"], report.ByKind.Select(kind => kind.Kind));
        Assert.Equal(new Rates(1, 1, 0, 1, 0, 0, 0, 1, 0), report.ByKind[1].Rates);
    }

    [Fact]
    public void Corrections_replace_and_withdrawals_remove_an_activitys_figures()
    {
        Open("TH-TAMHUNG", "primary");
        var id = Guid.NewGuid();
        var first = Content("3.2", 2, 450, 2);
        var corrected = Content("3.2", 3, 480, 2);
        _progress.Apply(new ActivityReported(id, Given.PlanId, "TH-TAMHUNG", "primary", "HP-NAMTRIEU", first, Given.DuringTheWeek, "TH-TAMHUNG"));
        _progress.Apply(new ActivityReported(Guid.NewGuid(), Given.PlanId, "TH-TAMHUNG", "primary", "HP-NAMTRIEU", Content("3.4", 3, 100, 1), Given.DuringTheWeek, "TH-TAMHUNG"));
        _progress.Apply(new ActivityReportCorrected(id, Given.PlanId, "TH-TAMHUNG", "HP-NAMTRIEU", 2, corrected, first, Given.DuringTheWeek, "TH-TAMHUNG"));

        var report = ProgressResponse.Build(Given.Plan, _progress.Progress, new Dictionary<string, KnownUnit>());
        Assert.Equal(580, report.Participants.Students);
        Assert.Equal(480, report.ByLine.Single(line => line.LineCode == "3.2").Participants.Students);
        Assert.Equal([new DateOnly(2025, 10, 3)], report.ByDay.Select(day => day.Day));
        Assert.Equal(6, report.ByLine.Count); // every line of the plan, reported on or not

        _progress.Apply(new ActivityReportWithdrawn(id, Given.PlanId, "TH-TAMHUNG", "HP-NAMTRIEU", null, corrected, Given.DuringTheWeek, "TH-TAMHUNG"));
        report = ProgressResponse.Build(Given.Plan, _progress.Progress, new Dictionary<string, KnownUnit>());
        Assert.Equal(1, report.ActivityReports);
        Assert.Equal(100, report.Participants.Students);
        Assert.Equal(1, report.Units.Single().ActivityReports);
    }

    [Fact]
    public void Participants_summed_over_many_activities_pass_the_32_bit_limit_without_wrapping()
    {
        // 22,000 activities of a busy city-wide week with the most one group may count at one
        // activity: each group's sum is 2.2 billion, over int.MaxValue (2,147,483,647).
        const int activities = 22_000;
        const int most = ActivityRequestValidator.MaxParticipants;
        Open("TH-TAMHUNG", "primary");
        var content = new ActivityContent("3.2", "Hoạt động", new DateOnly(2025, 10, 3), null, "Trường", [],
            new ParticipantCounts(most, most, most, most, most), ActivityRequestValidator.MaxSessions, [], null);
        for (var i = 0; i < activities; i++)
        {
            _progress.Apply(new ActivityReported(Guid.NewGuid(), Given.PlanId, "TH-TAMHUNG", "primary", "HP-NAMTRIEU", content, Given.DuringTheWeek, "TH-TAMHUNG"));
        }

        var report = ProgressResponse.Build(Given.Plan, _progress.Progress, new Dictionary<string, KnownUnit>());

        Assert.Equal(2_200_000_000L, report.Participants.Students);
        Assert.Equal(11_000_000_000L, report.ParticipantsTotal);
        Assert.Equal(11_000_000_000L, report.ByLine.Single(line => line.LineCode == "3.2").ParticipantsTotal);
        Assert.Equal(11_000_000_000L, report.ByDay.Single().ParticipantsTotal);
        Assert.Equal(22_000_000L, report.Sessions);
    }

    [Fact]
    public void A_units_figures_sum_without_wrapping()
    {
        var most = ActivityRequestValidator.MaxParticipants;
        var content = new ActivityContent("3.2", "Hoạt động", new DateOnly(2025, 10, 3), null, "Trường", [],
            new ParticipantCounts(most, 0, 0, 0, 0), 1, [], null);
        var report = ActivityReport.Create(new ActivityReported(Guid.NewGuid(), Given.PlanId, "TH-TAMHUNG", "primary", "HP-NAMTRIEU", content, Given.DuringTheWeek, "TH-TAMHUNG"));

        var figures = SubmitUnitReport.Figures(Enumerable.Repeat(report, 22_000).ToList());

        Assert.Equal(2_200_000_000L, figures.Participants.Students);
        Assert.Equal(2_200_000_000L, figures.Participants.Total);
    }

    private void Open(string unit, string kind) =>
        _progress.Apply(new ReportingObligationOpened(Given.PlanId, unit, kind, "HP-NAMTRIEU", Given.UnitsDue, 10, Given.DuringTheWeek));

    private void Submit(string unit, bool onTime) =>
        _progress.Apply(new UnitReports.UnitReportSubmitted(Given.PlanId, unit, "", "HP-NAMTRIEU", 1, new Narrative("x", null, null, null),
            new ReportFigures(0, 0, new ParticipantCounts(0, 0, 0, 0, 0), []), Given.UnitsDue, onTime, Given.DuringTheWeek, unit));

    private static ActivityContent Content(string line, int day, int students, int sessions) =>
        new(line, "Hoạt động", new DateOnly(2025, 10, day), null, "Trường", [], new ParticipantCounts(students, 0, 0, 0, 0), sessions, [], null);
}
