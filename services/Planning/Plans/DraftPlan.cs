using System.Security.Claims;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.Planning.Plans;

/// <summary>Dự thảo kế hoạch: a ward officer drafts a plan, and edits it until it is issued.</summary>
public static class DraftPlan
{
    public static Decision Draft(Guid planId, PlanContent content, Caller caller, DateTimeOffset now) =>
        CheckDates(content) ?? (Decision)Decision.Of(new PlanDrafted(planId, caller.WardCode!, content, now, caller.Actor));

    public static Decision Edit(Plan plan, PlanContent content, Caller caller, DateTimeOffset now) =>
        !caller.MayActForWard(plan.WardCode) ? PlanRules.OtherWard(plan.WardCode)
        : plan.Status != PlanStatus.Draft ? PlanRules.NotADraft(plan)
        : CheckDates(content) ?? (Decision)Decision.Of(new PlanDraftRevised(plan.Id, content, now, caller.Actor));

    private static DomainError? CheckDates(PlanContent content) =>
        PlanRules.PeriodInYear(content.Period, content.Year) ?? PlanRules.DeadlinesAfterPeriod(content.Deadlines, content.Period);

    public static void Map(IEndpointRouteBuilder plans)
    {
        plans.MapPost("/", HandleDraft)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<PlanContentRequest>()
            .WithIdempotency()
            .WithName("DraftPlan")
            .WithSummary("Draft a plan for the caller's ward (ward officer)");
        plans.MapPut("/{id:guid}", HandleEdit)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<PlanContentRequest>()
            .WithName("EditDraftPlan")
            .WithSummary("Replace the header of a draft plan (ward officer; If-Match)");
    }

    private static async Task<Results<Created<PlanResponse>, ProblemHttpResult>> HandleDraft(
        PlanContentRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var planId = StreamIds.New();
        var outcome = await session.StartAsync<Plan>(planId, Draft(planId, request.ToContent(), user.Caller(), clock.GetUtcNow()), cancellationToken);
        return outcome switch
        {
            CommandOutcome<Plan>.Applied applied => Created(applied, response),
            CommandOutcome<Plan>.Rejected rejected => rejected.Error.ToProblem(),
            _ => CommandResults.VersionProblem(clientExpectedVersion: false),
        };
    }

    private static Task<IResult> HandleEdit(
        Guid id, PlanContentRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
        http.Request.LacksIfMatch()
            ? Task.FromResult<IResult>(CommandResults.IfMatchRequired()) // a full replacement names the version it replaces
            : PlanCommands.Execute(id, plan => Edit(plan, request.ToContent(), user.Caller(), clock.GetUtcNow()), session, http, cancellationToken);

    private static Created<PlanResponse> Created(CommandOutcome<Plan>.Applied applied, HttpResponse response)
    {
        response.SetETag(applied.Version);
        return TypedResults.Created($"{PlanningApi.Prefix}/plans/{applied.State.Id}", PlanResponse.From(applied.State));
    }
}
