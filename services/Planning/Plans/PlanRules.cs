using LearningWeek.EventSourcing;

namespace LearningWeek.Planning.Plans;

/// <summary>The rules on a plan's dates, shared by drafting, issuing and amending.</summary>
public static class PlanRules
{
    /// <summary>The period lies within the plan's year.</summary>
    public static DomainError? PeriodInYear(Period? period, int year) =>
        period is not null && (period.Start.Year != year || period.End.Year != year)
            ? DomainError.Rule("period-outside-year", "Thời gian tổ chức phải nằm trong năm của kế hoạch",
                $"Thời gian tổ chức từ ngày {VietnamTime.Format(period.Start)} đến ngày {VietnamTime.Format(period.End)} không nằm trong năm {year}.",
                english: $"The period {VietnamTime.Format(period.Start)}–{VietnamTime.Format(period.End)} is not within {year}.", field: "period")
            : null;

    /// <summary>Reports are due after the period (the day after it ends at the earliest), the ward's no earlier than the units'.</summary>
    public static DomainError? DeadlinesAfterPeriod(Deadlines? deadlines, Period? period)
    {
        if (deadlines is null)
        {
            return null;
        }

        if (period is not null && deadlines.UnitsReportBefore <= period.End)
        {
            return DomainError.Rule("deadline-before-period-end", "Hạn báo cáo phải sau thời gian tổ chức",
                $"Các đơn vị báo cáo trước ngày {VietnamTime.Format(deadlines.UnitsReportBefore)}, nhưng thời gian tổ chức kết thúc ngày {VietnamTime.Format(period.End)}.",
                english: $"Units report before {VietnamTime.Format(deadlines.UnitsReportBefore)}, but the period ends {VietnamTime.Format(period.End)}.",
                field: "deadlines.unitsReportBefore");
        }

        return deadlines.WardReportBefore < deadlines.UnitsReportBefore
            ? DomainError.Rule("ward-deadline-before-units", "Hạn báo cáo của phường không được trước hạn của các đơn vị",
                $"Phường báo cáo trước ngày {VietnamTime.Format(deadlines.WardReportBefore)}, sớm hơn hạn của các đơn vị (trước ngày {VietnamTime.Format(deadlines.UnitsReportBefore)}).",
                english: $"The ward reports before {VietnamTime.Format(deadlines.WardReportBefore)}, earlier than the units ({VietnamTime.Format(deadlines.UnitsReportBefore)}).",
                field: "deadlines.wardReportBefore")
            : null;
    }

    public static DomainError NotADraft(Plan plan) => plan.Status == PlanStatus.Closed
        ? DomainError.Conflict("plan-closed", "Kế hoạch đã kết thúc", "Kế hoạch đã kết thúc.", english: "The plan is closed.")
        : DomainError.Conflict("plan-issued", "Kế hoạch đã ban hành, chỉ có thể sửa đổi bằng văn bản sửa đổi",
            "Kế hoạch đã được ban hành: hãy thay đổi bằng văn bản sửa đổi (POST …/amendments).",
            english: "The plan was issued: change it with an amendment (POST …/amendments).");

    public static DomainError NotIssued(Plan plan) => plan.Status == PlanStatus.Closed
        ? DomainError.Conflict("plan-closed", "Kế hoạch đã kết thúc", "Kế hoạch đã kết thúc.", english: "The plan is closed.")
        : DomainError.Conflict("plan-not-issued", "Kế hoạch chưa được ban hành", "Kế hoạch vẫn là dự thảo: hãy ban hành trước.", english: "The plan is still a draft: issue it first.");

    public static DomainError OtherWard(string wardCode) => DomainError.Forbidden(
        "Kế hoạch của phường/xã khác", $"Kế hoạch này thuộc phường/xã {wardCode}.", english: $"This plan belongs to ward {wardCode}.");
}
