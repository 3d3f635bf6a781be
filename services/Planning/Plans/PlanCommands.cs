using LearningWeek.ApiDefaults.Http;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.Planning.Plans;

/// <summary>Runs a decision on an existing plan and answers as every plan command does.</summary>
internal static class PlanCommands
{
    /// <summary>200 with the plan and its new ETag; 404, 409, 412, 422 as ProblemDetails.</summary>
    public static async Task<IResult> Execute(
        Guid id, Func<Plan, Decision> decide, IDocumentSession session, HttpContext http, CancellationToken cancellationToken, int successStatus = StatusCodes.Status200OK)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var outcome = await session.DecideAsync(id, expected, decide, cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<Plan>.Applied applied:
                http.Response.SetETag(applied.Version);
                var body = PlanResponse.From(applied.State);
                return successStatus == StatusCodes.Status201Created
                    ? TypedResults.Created($"{PlanningApi.Prefix}/plans/{id}", body)
                    : TypedResults.Ok(body);
            case CommandOutcome<Plan>.Rejected rejected:
                return rejected.Error.ToProblem();
            case CommandOutcome<Plan>.VersionMismatch mismatch:
                return CommandResults.VersionProblem(mismatch.ClientExpectedVersion);
            default:
                return PlanningProblems.PlanNotFound(id);
        }
    }
}
