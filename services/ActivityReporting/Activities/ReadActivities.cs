using System.Security.Claims;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.ActivityReporting.Activities;

public sealed record ActivityResponse(
    Guid Id,
    Guid PlanId,
    string UnitCode,
    string UnitKind,
    string WardCode,
    string LineCode,
    string Title,
    DateOnly HeldOn,
    string HeldOnText,
    string? OutsidePeriodReason,
    string Location,
    IReadOnlyList<string> Formats,
    ParticipantCounts Participants,
    int Sessions,
    IReadOnlyList<Evidence> Evidence,
    string? Notes,
    int Revision,
    bool Withdrawn,
    string? WithdrawalReason,
    DateTimeOffset ReportedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<ActivityRevision> History,
    long Version)
{
    public static ActivityResponse From(ActivityReport report) => From(report, report.History);

    public static ActivityResponse From(ActivityReport report, IReadOnlyList<ActivityRevision> history)
    {
        var content = report.Content;
        return new ActivityResponse(
            report.Id, report.PlanId, report.UnitCode, report.UnitKind, report.WardCode, content.LineCode, content.Title, content.HeldOn,
            VietnamTime.Format(content.HeldOn), content.OutsidePeriodReason, content.Location, content.Formats, content.Participants, content.Sessions,
            content.Evidence, content.Notes, report.Revision, report.Withdrawn, report.WithdrawalReason, report.ReportedAt, report.UpdatedAt,
            history, report.Version);
    }
}

public static class ReadActivities
{
    public const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder activities)
    {
        activities.MapGet("/", List)
            .RequireAuthorization(Policies.Reader)
            .WithName("ListActivities")
            .WithSummary("Activity reports, oldest first (filter by plan, unit, line; a unit sees its own; page with after=)");
        activities.MapGet("/{id:guid}", Get)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetActivity")
            .WithSummary("An activity report with its history, each revision's content included; ETag = its version");
    }

    private static async Task<Results<Ok<Page<ActivityResponse>>, ValidationProblem>> List(
        IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken,
        Guid? planId = null, string? unitCode = null, string? lineCode = null, bool includeWithdrawn = false, Guid? after = null, int limit = 50)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return ReportingProblems.BadQuery("limit", $"Từ 1 đến {MaxPageSize}.");
        }

        var caller = user.Caller();
        var query = session.Query<ActivityReport>().AsQueryable();
        if (caller.IsUnit)
        {
            query = query.Where(report => report.UnitCode == caller.UnitCode);
        }
        else if (caller.IsWardOfficer)
        {
            query = query.Where(report => report.WardCode == caller.WardCode);
        }

        if (planId is { } plan)
        {
            query = query.Where(report => report.PlanId == plan);
        }

        if (unitCode is not null)
        {
            query = query.Where(report => report.UnitCode == unitCode);
        }

        if (lineCode is not null)
        {
            query = query.Where(report => report.Content.LineCode == lineCode);
        }

        if (!includeWithdrawn)
        {
            query = query.Where(report => !report.Withdrawn);
        }

        if (after is { } cursor)
        {
            // Report ids are time-ordered (UUIDv7), so id order is the order they were reported in.
            query = query.Where(report => report.MatchesSql("d.id > ?", cursor));
        }

        var reports = await query.OrderBySql("d.id").Take(limit + 1).ToListAsync(cancellationToken);
        var items = reports.Take(limit).Select(ActivityResponse.From).ToList();
        return TypedResults.Ok(new Page<ActivityResponse>(items, reports.Count > limit ? items[^1].Id.ToString() : null));
    }

    private static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult>> Get(
        Guid id, IQuerySession session, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var report = await session.LoadAsync<ActivityReport>(id, cancellationToken);
        if (report is null || !user.Caller().MayReadFor(report.UnitCode, report.WardCode))
        {
            return ReportingProblems.ActivityNotFound(id);
        }

        // Earlier contents live only in the report's events: read them for this one report.
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        var contents = events.Select(stored => stored.Data switch
            {
                ActivityReported reported => (Revision: 1, reported.Content),
                ActivityReportCorrected corrected => (corrected.Revision, corrected.Content),
                _ => default,
            })
            .Where(revision => revision.Content is not null)
            .ToDictionary(revision => revision.Revision, revision => revision.Content);
        response.SetETag(report.Version);
        return TypedResults.Ok(ActivityResponse.From(report, [.. report.History.Select(revision => revision with { Content = contents.GetValueOrDefault(revision.Revision) })]));
    }
}
