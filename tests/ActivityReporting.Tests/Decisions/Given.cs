using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ApiDefaults.Identity;
using ParticipantCounts = LearningWeek.ActivityReporting.Activities.ParticipantCounts;
using LearningWeek.EventSourcing;

namespace LearningWeek.ActivityReporting.Tests.Decisions;

/// <summary>The Given of Given/When/Then: the Nam Triệu 2025 plan as this service keeps it, and obligations on it.</summary>
public static class Given
{
    public static readonly Guid PlanId = Guid.Parse("0198f0a0-0000-7000-8000-0000000000aa");
    public static readonly DateTimeOffset UnitsDue = VietnamTime.StartOf(new DateOnly(2025, 10, 15));
    public static readonly DateTimeOffset WardDue = VietnamTime.StartOf(new DateOnly(2025, 10, 20));
    public static readonly DateTimeOffset DuringTheWeek = new(2025, 10, 8, 9, 0, 0, TimeSpan.FromHours(7));
    public static readonly Caller Officer = new("ward-officer", Roles.WardOfficer, "UBND-NAMTRIEU", "HP-NAMTRIEU");
    public static readonly Caller OtherWardOfficer = new("ward-officer-2", Roles.WardOfficer, "UBND-X", "HP-OTHER");

    public static Caller Unit(string code) => new(code, Roles.Unit, code, "HP-NAMTRIEU");

    public static ReportingPlan Plan => new()
    {
        Id = PlanId,
        WardCode = "HP-NAMTRIEU",
        HeaderKnown = true,
        Title = "Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025",
        Year = 2025,
        IssuingBody = "Ủy ban nhân dân phường Nam Triệu",
        ParentAuthority = "UBND thành phố Hải Phòng",
        Place = "Nam Triệu",
        Signature = new Signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Đức Dũng"),
        PeriodStart = new DateOnly(2025, 10, 1),
        PeriodEnd = new DateOnly(2025, 10, 7),
        Lines =
        [
            new("3.1", "Lễ khai mạc", []), new("3.2", "Tuyên truyền", []),
            new("3.3", "Kỹ năng số cho viên chức", ["kindergarten", "primary", "lower-secondary"]),
            new("3.4", "Học tập trực tuyến", []), new("3.5", "Tủ sách, thư viện số", []), new("3.6", "Thi lập trình", []),
        ],
        Audiences =
        [
            new("Các đơn vị trường học", ["kindergarten", "primary", "lower-secondary"], [], ReportsToWard: true),
            new("MTTQ và đoàn thể", ["fatherland-front", "mass-organisation"], [], ReportsToWard: true),
        ],
        UnitsReportBefore = new DateOnly(2025, 10, 15),
        UnitsReportDueAt = UnitsDue,
        WardReportBefore = new DateOnly(2025, 10, 20),
        WardReportDueAt = WardDue,
        ScheduleSequence = 10,
    };

    public static UnitReport Obligation(string unitCode = "TH-TAMHUNG", string kind = "primary") =>
        UnitReport.Create(new ReportingObligationOpened(PlanId, unitCode, kind, "HP-NAMTRIEU", UnitsDue, 10, DuringTheWeek.AddDays(-20)));

    public static UnitReport Submitted(string unitCode = "TH-TAMHUNG") =>
        Obligation(unitCode).Apply(new UnitReportSubmitted(PlanId, unitCode, "primary", "HP-NAMTRIEU", 1, new Narrative("Kết quả", null, null, null),
            new ReportFigures(0, 0, new ParticipantCounts(0, 0, 0, 0, 0), []), UnitsDue, true, DuringTheWeek, unitCode));

    public static ActivityRequest Activity(string line = "3.2", int day = 2, string? reason = null, string? unitCode = null) => new(
        PlanId, unitCode, line, "Ngày hội văn hoá đọc", new DateOnly(2025, 10, day), reason, "Sân trường",
        ["Ngày hội văn hoá đọc"], new ParticipantsRequest(450, 32, 60, null, null), 2,
        [new EvidenceRequest("https://thtamhung.edu.vn/tin/ngay-hoi-doc", "Tin trên website")], null);
}
