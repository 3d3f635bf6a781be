using System.Security.Claims;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using LearningWeek.Planning.Units;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.Planning.Plans;

/// <summary>A plan's period, with the dates as a Vietnamese reader writes them.</summary>
public sealed record PeriodResponse(DateOnly Start, DateOnly End, string Text);

/// <summary>The deadlines: "before day D", the instant that is (00:00 of D, Vietnam time), and as text.</summary>
public sealed record DeadlinesResponse(
    DateOnly UnitsReportBefore, DateTimeOffset UnitsReportDueAt, string UnitsReportText,
    DateOnly WardReportBefore, DateTimeOffset WardReportDueAt, string WardReportText)
{
    public static DeadlinesResponse From(Deadlines deadlines) => new(
        deadlines.UnitsReportBefore, VietnamTime.ToVietnam(deadlines.UnitsReportDueAt), $"trước ngày {VietnamTime.Format(deadlines.UnitsReportBefore)}",
        deadlines.WardReportBefore, VietnamTime.ToVietnam(deadlines.WardReportDueAt), $"trước ngày {VietnamTime.Format(deadlines.WardReportBefore)}");
}

public sealed record TargetUnitResponse(string UnitCode, UnitKind Kind, DateOnly ReportBefore, DateTimeOffset ReportDueAt);

public sealed record PlanResponse(
    Guid Id,
    string WardCode,
    PlanStatus Status,
    string? Number,
    string Title,
    int Year,
    string IssuingBody,
    string Place,
    LegalBasis LegalBasis,
    Guid? ParentPlanId,
    IReadOnlyList<string> Purposes,
    string Theme,
    PeriodResponse? Period,
    DeadlinesResponse? Deadlines,
    IReadOnlyList<ActivityLine> ActivityLines,
    IReadOnlyList<Responsibility> Responsibilities,
    IReadOnlyList<TargetUnitResponse> TargetUnits,
    IReadOnlyList<Amendment> Amendments,
    IReadOnlyList<string> Recipients,
    SignatureBlock? Signature,
    DateTimeOffset DraftedAt,
    DateTimeOffset? IssuedAt,
    DateTimeOffset? ClosedAt,
    string? ClosingReason,
    long Version)
{
    public static PlanResponse From(Plan plan)
    {
        var content = plan.Content;
        return new PlanResponse(
            plan.Id, plan.WardCode, plan.Status, plan.Number, content.Title, content.Year, content.IssuingBody, content.Place,
            content.LegalBasis, content.ParentPlanId, content.Purposes, content.Theme,
            content.Period is { } period
                ? new PeriodResponse(period.Start, period.End, $"từ ngày {VietnamTime.Format(period.Start)} đến ngày {VietnamTime.Format(period.End)}")
                : null,
            content.Deadlines is { } deadlines ? DeadlinesResponse.From(deadlines) : null,
            plan.ActivityLines, plan.Responsibilities,
            [.. plan.TargetUnits.Select(target => new TargetUnitResponse(target.UnitCode, target.Kind, target.ReportBefore, VietnamTime.StartOf(target.ReportBefore)))],
            plan.Amendments, content.Recipients, content.Signature, plan.DraftedAt, plan.IssuedAt, plan.ClosedAt, plan.ClosingReason, plan.Version);
    }
}

/// <summary>A plan in a list: enough to choose one.</summary>
public sealed record PlanSummary(Guid Id, string WardCode, PlanStatus Status, string? Number, string Title, int Year, PeriodResponse? Period, DateTimeOffset? IssuedAt);

public static class ReadPlans
{
    public const int MaxPageSize = 100;

    public static void Map(IEndpointRouteBuilder plans)
    {
        plans.MapGet("/", List)
            .RequireAuthorization(Policies.Reader)
            .WithName("ListPlans")
            .WithSummary("Plans, newest first (filter by ward, year, status; page with after= the previous page's next)");
        plans.MapGet("/{id:guid}", Get)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetPlan")
            .WithSummary("A plan with its lines, responsibilities, deadlines and units; ETag = its version");
    }

    private static async Task<Results<Ok<Page<PlanSummary>>, ValidationProblem>> List(
        IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken,
        string? wardCode = null, int? year = null, string? status = null, DateTimeOffset? after = null, int limit = 20)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return PlanningProblems.BadQuery("limit", $"Từ 1 đến {MaxPageSize}.");
        }

        PlanStatus? statusFilter = null;
        if (status is not null)
        {
            if (!KebabEnum.TryParse<PlanStatus>(status, out var parsed))
            {
                return PlanningProblems.BadQuery("status", "Một trong: draft, issued, closed.");
            }

            statusFilter = parsed;
        }

        var caller = user.Caller();
        var ward = caller.IsReadOnly ? wardCode : caller.WardCode;
        var query = session.Query<Plan>().AsQueryable();
        if (ward is not null)
        {
            query = query.Where(plan => plan.WardCode == ward);
        }

        if (year is { } y)
        {
            query = query.Where(plan => plan.Content.Year == y);
        }

        if (statusFilter is { } s)
        {
            query = query.Where(plan => plan.Status == s);
        }

        if (after is { } cursor)
        {
            query = query.Where(plan => plan.DraftedAt < cursor);
        }

        var plans = await query.OrderByDescending(plan => plan.DraftedAt).Take(limit + 1).ToListAsync(cancellationToken);
        var items = plans.Take(limit).Select(plan => new PlanSummary(
            plan.Id, plan.WardCode, plan.Status, plan.Number, plan.Content.Title, plan.Content.Year,
            PlanResponse.From(plan).Period, plan.IssuedAt)).ToList();
        var next = plans.Count > limit ? plans[limit - 1].DraftedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null;
        return TypedResults.Ok(new Page<PlanSummary>(items, next));
    }

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> Get(
        Guid id, IQuerySession session, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var plan = await session.LoadAsync<Plan>(id, cancellationToken);
        var caller = user.Caller();
        if (plan is null || (!caller.IsReadOnly && plan.WardCode != caller.WardCode))
        {
            return PlanningProblems.PlanNotFound(id);
        }

        response.SetETag(plan.Version);
        return TypedResults.Ok(PlanResponse.From(plan));
    }
}
