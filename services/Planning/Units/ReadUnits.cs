using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.Planning.Units;

public sealed record UnitResponse(string Code, string Name, UnitKind Kind, string WardCode, bool Active, DateTimeOffset RegisteredAt, DateTimeOffset? DeactivatedAt, string? DeactivationReason)
{
    public static UnitResponse From(Unit unit) =>
        new(unit.Code, unit.Name, unit.Kind, unit.WardCode, unit.Active, unit.RegisteredAt, unit.DeactivatedAt, unit.DeactivationReason);
}

public static class ReadUnits
{
    public const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder units)
    {
        units.MapGet("/", List)
            .RequireAuthorization(Policies.Reader)
            .WithName("ListUnits")
            .WithSummary("Units, by code (filter by ward, kind, active; page with after=)");
        units.MapGet("/{code}", Get)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetUnit")
            .WithSummary("A unit by its code");
    }

    private static async Task<Results<Ok<Page<UnitResponse>>, ValidationProblem>> List(
        IQuerySession session, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken,
        string? wardCode = null, string? kind = null, bool? active = null, string? after = null, int limit = 50)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return PlanningProblems.BadQuery("limit", $"Từ 1 đến {MaxPageSize}.");
        }

        UnitKind? kindFilter = null;
        if (kind is not null)
        {
            if (!KebabEnum.TryParse<UnitKind>(kind, out var parsed))
            {
                return PlanningProblems.BadQuery("kind", "Một trong: " + string.Join(", ", Enum.GetValues<UnitKind>().Select(KebabEnum.Name)) + ".");
            }

            kindFilter = parsed;
        }

        // Units and ward officers see their own ward; city systems and ops any ward they ask for.
        var caller = user.Caller();
        var ward = caller.IsReadOnly ? wardCode : caller.WardCode;
        var query = session.Query<Unit>().AsQueryable();
        if (ward is not null)
        {
            query = query.Where(unit => unit.WardCode == ward);
        }

        if (kindFilter is { } k)
        {
            query = query.Where(unit => unit.Kind == k);
        }

        if (active is { } a)
        {
            query = query.Where(unit => unit.Active == a);
        }

        if (after is not null)
        {
            // Codes compare as plain bytes (the codes are ASCII), as they are ordered below.
            query = query.Where(unit => unit.MatchesSql("d.data ->> 'code' COLLATE \"C\" > ?", after));
        }

        var units = await query.OrderBySql("d.data ->> 'code' COLLATE \"C\"").Take(limit + 1).ToListAsync(cancellationToken);
        var items = units.Take(limit).Select(UnitResponse.From).ToList();
        return TypedResults.Ok(new Page<UnitResponse>(items, units.Count > limit ? items[^1].Code : null));
    }

    /// <summary>The same rule as the list: units and ward officers see their own ward's units (another ward's is not found); city systems and ops any.</summary>
    private static async Task<Results<Ok<UnitResponse>, ProblemHttpResult, ValidationProblem>> Get(
        string code, IQuerySession session, System.Security.Claims.ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var unit = await session.LoadAsync<Unit>(Unit.StreamId(code), cancellationToken);
        var caller = user.Caller();
        if (unit is null || (!caller.IsReadOnly && !string.Equals(unit.WardCode, caller.WardCode, StringComparison.Ordinal)))
        {
            return PlanningProblems.UnitNotFound(code);
        }

        response.SetETag(unit.Version);
        return TypedResults.Ok(UnitResponse.From(unit));
    }
}
