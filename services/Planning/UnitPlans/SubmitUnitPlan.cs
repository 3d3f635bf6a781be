using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using LearningWeek.Planning.Plans;
using LearningWeek.Planning.Units;
using Marten;

namespace LearningWeek.Planning.UnitPlans;

/// <summary>
/// A unit submits its own plan under an issued ward plan: which lines it will run, what, when
/// (inside the period) and how many it expects. Resubmitting replaces it; every revision is kept.
/// </summary>
public static class SubmitUnitPlan
{
    /// <summary>Upper bound of one group's expected participants at one activity.</summary>
    public const int MaxParticipants = 100_000;

    public sealed record Request(string? UnitCode, IReadOnlyList<ItemRequest>? Items);

    public sealed record ItemRequest(string? LineCode, string? Title, string? Description, DateOnly? From, DateOnly? To, ParticipantsRequest? ExpectedParticipants);

    public sealed record ParticipantsRequest(int? Students, int? TeachersAndStaff, int? Parents, int? Residents, int? Members);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.UnitCode).Code().When(request => request.UnitCode is not null);
            RuleFor(request => request.Items).NotEmpty().WithMessage("Nêu ít nhất một hoạt động.")
                .Must(items => items is null || items.Count <= 100).WithMessage("Tối đa 100 hoạt động.");
            RuleForEach(request => request.Items).NotNull().WithMessage("Thiếu thông tin hoạt động.").ChildRules(item =>
            {
                item.RuleFor(i => i.LineCode).NotEmpty().WithMessage("Bắt buộc nhập mã hoạt động của kế hoạch, ví dụ 3.2.");
                item.RuleFor(i => i.Title).RequiredText(300);
                item.RuleFor(i => i.Description).OptionalText(4000, multiline: true);
                item.RuleFor(i => i.From).NotNull().WithMessage("Bắt buộc nhập.").PlausibleDay();
                item.RuleFor(i => i.To).NotNull().WithMessage("Bắt buộc nhập.").PlausibleDay();
                item.RuleFor(i => i.To).GreaterThanOrEqualTo(i => i.From).WithMessage("Ngày kết thúc không được trước ngày bắt đầu.")
                    .When(i => i.From is not null && i.To is not null);
                item.RuleFor(i => i.ExpectedParticipants).NotNull().WithMessage("Bắt buộc nhập số người dự kiến tham gia.");
                item.When(i => i.ExpectedParticipants is not null, () =>
                {
                    item.RuleFor(i => i.ExpectedParticipants!.Students).Must(InRange).WithMessage(RangeMessage);
                    item.RuleFor(i => i.ExpectedParticipants!.TeachersAndStaff).Must(InRange).WithMessage(RangeMessage);
                    item.RuleFor(i => i.ExpectedParticipants!.Parents).Must(InRange).WithMessage(RangeMessage);
                    item.RuleFor(i => i.ExpectedParticipants!.Residents).Must(InRange).WithMessage(RangeMessage);
                    item.RuleFor(i => i.ExpectedParticipants!.Members).Must(InRange).WithMessage(RangeMessage);
                });
            });
        }

        private static string RangeMessage => string.Create(VietnamTime.Culture, $"Số nguyên từ 0 đến {MaxParticipants:N0}.");

        private static bool InRange(int? count) => count is null or (>= 0 and <= MaxParticipants);
    }

    public static Decision Decide(Plan plan, Unit? unit, UnitPlan? current, Request request, Caller caller, DateTimeOffset now)
    {
        var unitCode = request.UnitCode ?? caller.UnitCode ?? "";
        if (!caller.MayWriteFor(unitCode, plan.WardCode))
        {
            return DomainError.Forbidden("Không thể nộp kế hoạch thay đơn vị khác", $"Tài khoản không có quyền nộp kế hoạch thay đơn vị {unitCode}.",
                english: $"The caller may not submit a plan for unit {unitCode}.");
        }

        if (plan.Status != PlanStatus.Issued)
        {
            return PlanRules.NotIssued(plan);
        }

        if (unit is null || unit.WardCode != plan.WardCode)
        {
            return DomainError.NotFound("Không tìm thấy đơn vị", $"Đơn vị {unitCode} chưa được đăng ký tại phường {plan.WardCode}.",
                english: $"Unit {unitCode} is not registered in ward {plan.WardCode}.", field: "unitCode");
        }

        if (!unit.Active)
        {
            return DomainError.Conflict("unit-deactivated", "Đơn vị đã ngừng hoạt động", $"Đơn vị {unitCode} đã ngừng hoạt động.", english: $"Unit {unitCode} is deactivated.", field: "unitCode");
        }

        if (!plan.ExpectsReportFrom(unit.Code, unit.Kind) && plan.TargetUnits.All(target => target.UnitCode != unit.Code))
        {
            return DomainError.Rule("unit-not-targeted", "Kế hoạch không giao nhiệm vụ cho đơn vị này",
                $"Kế hoạch {plan.Id} không giao nhiệm vụ báo cáo cho đơn vị {unitCode}.", english: $"Plan {plan.Id} does not expect unit {unitCode} to report.", field: "unitCode");
        }

        var items = new List<UnitPlanItem>();
        for (var i = 0; i < request.Items!.Count; i++)
        {
            var item = request.Items[i];
            var line = plan.Line(item.LineCode!);
            if (line is null)
            {
                return DomainError.Rule("unknown-activity-line", "Không có hoạt động này trong kế hoạch",
                    $"Kế hoạch không có hoạt động mã {item.LineCode}.", english: $"The plan has no line {item.LineCode}.", field: $"items[{i}].lineCode");
            }

            if (!line.Targets(unit.Kind))
            {
                return DomainError.Rule("line-not-for-unit", "Hoạt động này không dành cho loại đơn vị của bạn",
                    $"Hoạt động {line.Code} dành cho loại đơn vị {string.Join(", ", line.TargetKinds)}, không dành cho loại {unit.Kind}.",
                    english: $"Line {line.Code} is for {string.Join(", ", line.TargetKinds)}, not {unit.Kind}.", field: $"items[{i}].lineCode");
            }

            var period = plan.Content.Period!;
            if (item.From < period.Start || item.To > period.End)
            {
                return DomainError.Rule("outside-period", "Thời gian hoạt động phải nằm trong thời gian tổ chức Tuần lễ",
                    $"Tuần lễ được tổ chức từ ngày {VietnamTime.Format(period.Start)} đến ngày {VietnamTime.Format(period.End)}.",
                    english: $"The Week runs from {VietnamTime.Format(period.Start)} to {VietnamTime.Format(period.End)}.",
                    field: item.From < period.Start ? $"items[{i}].from" : $"items[{i}].to");
            }

            var expected = item.ExpectedParticipants!;
            items.Add(new UnitPlanItem(line.Code, item.Title!.Trim(), item.Description?.Trim(), item.From!.Value, item.To!.Value,
                new Participants(expected.Students ?? 0, expected.TeachersAndStaff ?? 0, expected.Parents ?? 0, expected.Residents ?? 0, expected.Members ?? 0)));
        }

        return Decision.Of(new UnitPlanSubmitted(
            UnitPlan.StreamId(plan.Id, unit.Code), plan.Id, unit.Code, plan.WardCode, (current?.Revision ?? 0) + 1, items, now, caller.Actor));
    }

    public static void Map(IEndpointRouteBuilder plans) =>
        plans.MapPost("/{id:guid}/unit-plans", Handle)
            .RequireAuthorization(Policies.UnitWriter)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<UnitPlanResponse>(StatusCodes.Status201Created)
            .WithName("SubmitUnitPlan")
            .WithSummary("Submit (or resubmit) a unit's own plan under an issued plan (the unit, or its ward officer)");

    private static async Task<IResult> Handle(
        Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        var plan = await session.LoadAsync<Plan>(id, cancellationToken);
        if (plan is null || (plan.WardCode != caller.WardCode))
        {
            return PlanningProblems.PlanNotFound(id);
        }

        var unitCode = request.UnitCode ?? caller.UnitCode ?? "";
        var unit = await session.LoadAsync<Unit>(Unit.StreamId(unitCode), cancellationToken);
        var streamId = UnitPlan.StreamId(id, unitCode);
        var stream = await session.Events.FetchForWriting<UnitPlan>(streamId, cancellationToken);
        var decision = Decide(plan, unit, stream.Aggregate, request, caller, clock.GetUtcNow());
        if (decision.Error is { } error)
        {
            return error.ToProblem();
        }

        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return CommandResults.VersionProblem(clientExpectedVersion: false);
        }

        var saved = await session.LoadAsync<UnitPlan>(streamId, cancellationToken);
        return TypedResults.Created($"{PlanningApi.Prefix}/plans/{id}/unit-plans/{unitCode}", UnitPlanResponse.From(saved!));
    }
}
