using FluentValidation;
using LearningWeek.ApiDefaults.Validation;

namespace LearningWeek.Planning.Plans;

/// <summary>The header of a plan as a ward officer sends it, to draft or to edit a draft.</summary>
public sealed record PlanContentRequest(
    string? Title,
    int? Year,
    string? IssuingBody,
    string? Place,
    LegalBasisRequest? LegalBasis,
    Guid? ParentPlanId,
    IReadOnlyList<string?>? Purposes,
    string? Theme,
    PeriodRequest? Period,
    DeadlinesRequest? Deadlines,
    IReadOnlyList<string?>? Recipients,
    SignatureRequest? Signature)
{
    public PlanContent ToContent() => new(
        Title!.Trim(),
        Year!.Value,
        IssuingBody!.Trim(),
        Place!.Trim(),
        new LegalBasis(LegalBasis!.DecisionNumber!.Trim(), LegalBasis.DecisionDate!.Value, LegalBasis.Issuer!.Trim()),
        ParentPlanId,
        [.. (Purposes ?? []).Select(purpose => purpose!.Trim())],
        Theme?.Trim() ?? "",
        Period is null ? null : new Period(Period.Start!.Value, Period.End!.Value),
        Deadlines is null ? null : new Deadlines(Deadlines.UnitsReportBefore!.Value, Deadlines.WardReportBefore!.Value),
        [.. (Recipients ?? []).Select(recipient => recipient!.Trim())],
        Signature is null ? null : new SignatureBlock(Signature.Authority!.Trim(), Signature.OnBehalfOf?.Trim(), Signature.Position!.Trim(), Signature.Signer!.Trim()));
}

public sealed record LegalBasisRequest(string? DecisionNumber, DateOnly? DecisionDate, string? Issuer);

public sealed record PeriodRequest(DateOnly? Start, DateOnly? End);

public sealed record DeadlinesRequest(DateOnly? UnitsReportBefore, DateOnly? WardReportBefore);

public sealed record SignatureRequest(string? Authority, string? OnBehalfOf, string? Position, string? Signer);

public sealed class PlanContentValidator : AbstractValidator<PlanContentRequest>
{
    public PlanContentValidator()
    {
        RuleFor(plan => plan.Title).RequiredText(300);
        RuleFor(plan => plan.Year).NotNull().WithMessage("Bắt buộc nhập.").InclusiveBetween(2000, 2100).WithMessage("Năm từ 2000 đến 2100.");
        RuleFor(plan => plan.IssuingBody).RequiredText(200);
        RuleFor(plan => plan.Place).RequiredText(100);
        RuleFor(plan => plan.LegalBasis).NotNull().WithMessage("Bắt buộc nêu căn cứ (quyết định cấp trên).");
        RuleFor(plan => plan.LegalBasis!.DecisionNumber).RequiredText(100).When(plan => plan.LegalBasis is not null);
        RuleFor(plan => plan.LegalBasis!.DecisionDate).NotNull().WithMessage("Bắt buộc nhập.").PlausibleDay().When(plan => plan.LegalBasis is not null);
        RuleFor(plan => plan.LegalBasis!.Issuer).RequiredText(200).When(plan => plan.LegalBasis is not null);
        RuleFor(plan => plan.Purposes).Must(purposes => purposes is null || purposes.Count <= 20).WithMessage("Tối đa 20 mục.");
        RuleForEach(plan => plan.Purposes).RequiredText(2000, multiline: true);
        RuleFor(plan => plan.Theme).OptionalText(500);
        RuleFor(plan => plan.Period!.Start).NotNull().WithMessage("Bắt buộc nhập.").PlausibleDay().When(plan => plan.Period is not null);
        RuleFor(plan => plan.Period!.End).NotNull().WithMessage("Bắt buộc nhập.").PlausibleDay().When(plan => plan.Period is not null);
        RuleFor(plan => plan.Period!.End)
            .GreaterThanOrEqualTo(plan => plan.Period!.Start).WithMessage("Ngày kết thúc không được trước ngày bắt đầu.")
            .When(plan => plan.Period?.Start is not null && plan.Period.End is not null);
        RuleFor(plan => plan.Deadlines!.UnitsReportBefore).NotNull().WithMessage("Bắt buộc nhập.").PlausibleDay().When(plan => plan.Deadlines is not null);
        RuleFor(plan => plan.Deadlines!.WardReportBefore).NotNull().WithMessage("Bắt buộc nhập.").PlausibleDay().When(plan => plan.Deadlines is not null);
        RuleFor(plan => plan.Recipients).Must(recipients => recipients is null || recipients.Count <= 30).WithMessage("Tối đa 30 nơi nhận.");
        RuleForEach(plan => plan.Recipients).RequiredText(200);
        When(plan => plan.Signature is not null, () =>
        {
            RuleFor(plan => plan.Signature!.Authority).RequiredText(100);
            RuleFor(plan => plan.Signature!.OnBehalfOf).OptionalText(100);
            RuleFor(plan => plan.Signature!.Position).RequiredText(100);
            RuleFor(plan => plan.Signature!.Signer).RequiredText(100);
        });
    }
}
