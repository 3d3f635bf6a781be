using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.Planning.Units;

/// <summary>Đổi tên, ngừng hoạt động: a ward officer renames or deactivates a unit of its ward.</summary>
public static class ChangeUnit
{
    public sealed record RenameRequest(string? Name);

    public sealed record DeactivateRequest(string? Reason);

    public sealed class RenameValidator : AbstractValidator<RenameRequest>
    {
        public RenameValidator() => RuleFor(request => request.Name).RequiredText(200);
    }

    public sealed class DeactivateValidator : AbstractValidator<DeactivateRequest>
    {
        public DeactivateValidator() => RuleFor(request => request.Reason).RequiredText(500, multiline: true);
    }

    public static Decision Rename(Unit unit, RenameRequest request, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayActForWard(unit.WardCode))
        {
            return UnitErrors.OtherWard(unit.WardCode);
        }

        if (!unit.Active)
        {
            return UnitErrors.Deactivated(unit.Code);
        }

        var name = request.Name!.Trim();
        return name == unit.Name ? Decision.Of() : Decision.Of(new UnitRenamed(unit.Id, unit.Code, unit.WardCode, name, now, caller.Actor));
    }

    /// <summary>A deactivated unit is no longer expected to report; deactivating it again changes nothing.</summary>
    public static Decision Deactivate(Unit unit, DeactivateRequest request, Caller caller, DateTimeOffset now) =>
        !caller.MayActForWard(unit.WardCode) ? UnitErrors.OtherWard(unit.WardCode)
        : !unit.Active ? Decision.Of()
        : Decision.Of(new UnitDeactivated(unit.Id, unit.Code, unit.WardCode, request.Reason!.Trim(), now, caller.Actor));

    public static void Map(IEndpointRouteBuilder units)
    {
        units.MapPost("/{code}/rename", (string code, RenameRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                Handle(code, unit => Rename(unit, request, user.Caller(), clock.GetUtcNow()), session, http, cancellationToken))
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<RenameRequest>()
            .WithName("RenameUnit")
            .WithSummary("Rename a unit (ward officer; If-Match optional)");
        units.MapPost("/{code}/deactivate", (string code, DeactivateRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken) =>
                Handle(code, unit => Deactivate(unit, request, user.Caller(), clock.GetUtcNow()), session, http, cancellationToken))
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<DeactivateRequest>()
            .WithName("DeactivateUnit")
            .WithSummary("Deactivate a unit: it is no longer expected to report (ward officer)");
    }

    private static async Task<Results<Ok<UnitResponse>, ProblemHttpResult, ValidationProblem>> Handle(
        string code, Func<Unit, Decision> decide, IDocumentSession session, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var outcome = await session.DecideAsync(Unit.StreamId(code), expected, decide, cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<Unit>.Applied applied:
                http.Response.SetETag(applied.Version);
                return TypedResults.Ok(UnitResponse.From(applied.State));
            case CommandOutcome<Unit>.Rejected rejected:
                return rejected.Error.ToProblem();
            case CommandOutcome<Unit>.VersionMismatch mismatch:
                return CommandResults.VersionProblem(mismatch.ClientExpectedVersion);
            default:
                return PlanningProblems.UnitNotFound(code);
        }
    }
}
