using FluentValidation;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;

namespace LearningWeek.ActivityReporting.Activities;

/// <summary>An activity report as a unit sends it, to report or to correct.</summary>
public sealed record ActivityRequest(
    Guid? PlanId,
    string? UnitCode,
    string? LineCode,
    string? Title,
    DateOnly? HeldOn,
    string? OutsidePeriodReason,
    string? Location,
    IReadOnlyList<string?>? Formats,
    ParticipantsRequest? Participants,
    int? Sessions,
    IReadOnlyList<EvidenceRequest?>? Evidence,
    string? Notes)
{
    public ActivityContent ToContent() => new(
        LineCode!,
        Title!.Trim(),
        HeldOn!.Value,
        string.IsNullOrWhiteSpace(OutsidePeriodReason) ? null : OutsidePeriodReason.Trim(),
        Location!.Trim(),
        [.. (Formats ?? []).Select(format => format!.Trim()).Distinct()],
        new ParticipantCounts(Participants?.Students ?? 0, Participants?.TeachersAndStaff ?? 0, Participants?.Parents ?? 0,
            Participants?.Residents ?? 0, Participants?.Members ?? 0),
        Sessions ?? 1,
        [.. (Evidence ?? []).Select(evidence => new Evidence(evidence!.Url!.Trim(), evidence.Caption!.Trim()))],
        string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim());
}

public sealed record ParticipantsRequest(int? Students, int? TeachersAndStaff, int? Parents, int? Residents, int? Members);

public sealed record EvidenceRequest(string? Url, string? Caption);

public sealed class ActivityRequestValidator : AbstractValidator<ActivityRequest>
{
    /// <summary>Upper bound of one group at one activity: more than a whole ward would be a typing slip.</summary>
    public const int MaxParticipants = 100_000;

    public const int MaxSessions = 1_000;

    public ActivityRequestValidator()
    {
        RuleFor(activity => activity.PlanId).NotNull().WithMessage("Bắt buộc nêu kế hoạch (planId).");
        RuleFor(activity => activity.UnitCode).Code().When(activity => activity.UnitCode is not null);
        RuleFor(activity => activity.LineCode).NotEmpty().WithMessage("Bắt buộc nêu mã hoạt động của kế hoạch, ví dụ 3.2.")
            .MaximumLength(20).WithMessage("Tối đa 20 ký tự.");
        RuleFor(activity => activity.Title).RequiredText(300);
        RuleFor(activity => activity.HeldOn).NotNull().WithMessage("Bắt buộc nhập ngày tổ chức.").PlausibleDay();
        RuleFor(activity => activity.OutsidePeriodReason).OptionalText(1000, multiline: true);
        RuleFor(activity => activity.Location).RequiredText(300);
        RuleFor(activity => activity.Formats).Must(formats => formats is null || formats.Count <= 20).WithMessage("Tối đa 20 hình thức.");
        RuleForEach(activity => activity.Formats).RequiredText(100);
        RuleFor(activity => activity.Participants).NotNull().WithMessage("Bắt buộc nhập số người tham gia.");
        When(activity => activity.Participants is not null, () =>
        {
            RuleFor(activity => activity.Participants!.Students).Must(InRange).WithMessage(RangeMessage);
            RuleFor(activity => activity.Participants!.TeachersAndStaff).Must(InRange).WithMessage(RangeMessage);
            RuleFor(activity => activity.Participants!.Parents).Must(InRange).WithMessage(RangeMessage);
            RuleFor(activity => activity.Participants!.Residents).Must(InRange).WithMessage(RangeMessage);
            RuleFor(activity => activity.Participants!.Members).Must(InRange).WithMessage(RangeMessage);
        });
        RuleFor(activity => activity.Sessions).InclusiveBetween(1, MaxSessions).WithMessage(string.Create(VietnamTime.Culture, $"Số buổi từ 1 đến {MaxSessions:N0}."))
            .When(activity => activity.Sessions is not null);
        RuleFor(activity => activity.Evidence).Must(evidence => evidence is null || evidence.Count <= 20).WithMessage("Tối đa 20 minh chứng.");
        RuleForEach(activity => activity.Evidence).NotNull().WithMessage("Thiếu thông tin minh chứng.").ChildRules(evidence =>
        {
            evidence.RuleFor(e => e!.Url).NotEmpty().WithMessage("Bắt buộc nhập đường dẫn.")
                .MaximumLength(2000).WithMessage("Tối đa 2000 ký tự.")
                .Must(BeWebAddress).WithMessage("Đường dẫn phải là địa chỉ http:// hoặc https:// đầy đủ.");
            evidence.RuleFor(e => e!.Caption).RequiredText(300);
        });
        RuleFor(activity => activity.Notes).OptionalText(4000, multiline: true);
    }

    private static string RangeMessage => string.Create(VietnamTime.Culture, $"Số nguyên từ 0 đến {MaxParticipants:N0}.");

    private static bool InRange(int? count) => count is null or (>= 0 and <= MaxParticipants);

    private static bool BeWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);
}

/// <summary>The rules an activity report must keep against its plan and its unit's report.</summary>
public static class ActivityRules
{
    public static DomainError? Check(ActivityContent content, ReportingPlan plan, UnitReport obligation, DateTimeOffset now)
    {
        if (plan.Closed)
        {
            return DomainError.Conflict("plan-closed", "Kế hoạch đã kết thúc", "Kế hoạch đã kết thúc, không tiếp nhận thêm báo cáo.", english: "The plan is closed: it takes no more reports.");
        }

        if (!obligation.AcceptsActivityChanges)
        {
            return obligation.Status == UnitReportStatus.Accepted
                ? DomainError.Conflict("unit-report-accepted", "Báo cáo kết quả của đơn vị đã được tiếp nhận",
                    "Báo cáo kết quả của đơn vị về kế hoạch này đã được tiếp nhận; các báo cáo hoạt động của đơn vị không thể thay đổi nữa.",
                    english: "The unit's report on this plan was accepted: its activity reports are final.")
                : DomainError.Conflict("not-expected", "Đơn vị không còn phải báo cáo kế hoạch này", "Đơn vị không còn phải báo cáo về kế hoạch này.",
                    english: "The unit is no longer expected to report on this plan.");
        }

        var line = plan.Line(content.LineCode);
        if (line is null)
        {
            return DomainError.Rule("unknown-activity-line", "Không có hoạt động này trong kế hoạch", $"Kế hoạch không có hoạt động mã {content.LineCode}.",
                english: $"The plan has no line {content.LineCode}.", field: "lineCode");
        }

        if (!line.Targets(obligation.UnitKind))
        {
            return DomainError.Rule("line-not-for-unit", "Hoạt động này không dành cho loại đơn vị của bạn",
                $"Hoạt động {line.Code} dành cho loại đơn vị {string.Join(", ", line.TargetKinds)}, không dành cho loại {obligation.UnitKind}.",
                english: $"Line {line.Code} is for {string.Join(", ", line.TargetKinds)}, not {obligation.UnitKind}.", field: "lineCode");
        }

        if (content.HeldOn > VietnamTime.DayOf(now))
        {
            return DomainError.Rule("held-in-the-future", "Ngày tổ chức chưa tới", $"Ngày {VietnamTime.Format(content.HeldOn)} chưa tới.",
                english: $"{VietnamTime.Format(content.HeldOn)} is in the future.", field: "heldOn");
        }

        if (!plan.Contains(content.HeldOn))
        {
            if (content.OutsidePeriodReason is null)
            {
                return DomainError.Rule("outside-period", "Ngày tổ chức ngoài thời gian của Tuần lễ: cần nêu lý do",
                    $"Tuần lễ được tổ chức {plan.PeriodText}; hoạt động tổ chức ngày {VietnamTime.Format(content.HeldOn)} cần nêu lý do (outsidePeriodReason).",
                    english: $"The Week ran {plan.PeriodText}; give outsidePeriodReason for an activity held on {VietnamTime.Format(content.HeldOn)}.", field: "heldOn");
            }

            if (content.HeldOn.Year != plan.Year)
            {
                return DomainError.Rule("implausible-date", "Ngày tổ chức không hợp lý",
                    $"Hoạt động thuộc kế hoạch năm {plan.Year} nhưng được tổ chức vào năm {content.HeldOn.Year}.",
                    english: $"An activity of the {plan.Year} plan held in {content.HeldOn.Year}.", field: "heldOn");
            }
        }

        return null;
    }

    /// <summary>The unit the caller acts for: its own, or (a ward officer) the one it names.</summary>
    public static string UnitOf(ActivityRequest request, Caller caller) => request.UnitCode ?? caller.UnitCode ?? "";
}
