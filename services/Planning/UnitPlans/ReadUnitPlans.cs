using System.Security.Claims;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.Planning.Units;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.Planning.UnitPlans;

public sealed record UnitPlanResponse(
    Guid PlanId, string UnitCode, string WardCode, int Revision, IReadOnlyList<UnitPlanItem> Items, DateTimeOffset SubmittedAt, IReadOnlyList<UnitPlanRevision> History)
{
    public static UnitPlanResponse From(UnitPlan plan) =>
        new(plan.PlanId, plan.UnitCode, plan.WardCode, plan.Revision, plan.Items, plan.SubmittedAt, plan.History);
}

public static class ReadUnitPlans
{
    public static void Map(IEndpointRouteBuilder plans)
    {
        plans.MapGet("/{id:guid}/unit-plans", List)
            .RequireAuthorization(Policies.Reader)
            .WithName("ListUnitPlans")
            .WithSummary("The units' own plans under a plan, by unit code (a unit sees only its own; page with after=)");
        plans.MapGet("/{id:guid}/unit-plans/{unitCode}", Get)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetUnitPlan")
            .WithSummary("A unit's plan under a plan, with its revisions");
    }

    public const int MaxPageSize = 200;

    private static async Task<Results<Ok<Page<UnitPlanResponse>>, ValidationProblem>> List(
        Guid id, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken, string? after = null, int limit = 100)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return PlanningProblems.BadQuery("limit", $"Từ 1 đến {MaxPageSize}.");
        }

        var caller = user.Caller();
        var query = session.Query<UnitPlan>().Where(plan => plan.PlanId == id);
        if (caller.IsUnit)
        {
            query = query.Where(plan => plan.UnitCode == caller.UnitCode);
        }
        else if (caller.IsWardOfficer)
        {
            query = query.Where(plan => plan.WardCode == caller.WardCode);
        }

        if (after is not null)
        {
            query = query.Where(plan => plan.MatchesSql("d.data ->> 'unitCode' COLLATE \"C\" > ?", after));
        }

        var plans = await query.OrderBySql("d.data ->> 'unitCode' COLLATE \"C\"").Take(limit + 1).ToListAsync(cancellationToken);
        var items = plans.Take(limit).Select(UnitPlanResponse.From).ToList();
        return TypedResults.Ok(new Page<UnitPlanResponse>(items, plans.Count > limit ? items[^1].UnitCode : null));
    }

    private static async Task<Results<Ok<UnitPlanResponse>, ProblemHttpResult>> Get(
        Guid id, string unitCode, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var plan = await session.LoadAsync<UnitPlan>(UnitPlan.StreamId(id, unitCode), cancellationToken);
        if (plan is null || !user.Caller().MayReadFor(unitCode, plan.WardCode))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, type: ApiDefaults.Problems.ProblemTypes.NotFound,
                title: "Không tìm thấy kế hoạch của đơn vị", detail: $"Không có kế hoạch của đơn vị {unitCode} theo kế hoạch {id}.",
                extensions: ApiDefaults.Problems.ProblemLanguage.English($"No plan of unit {unitCode} under plan {id}."));
        }

        return TypedResults.Ok(UnitPlanResponse.From(plan));
    }
}
