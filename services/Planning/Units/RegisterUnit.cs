using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.Planning.Units;

/// <summary>Đăng ký đơn vị: a ward officer registers a school, organisation, culture house or office.</summary>
public static class RegisterUnit
{
    public sealed record Request(string? Code, string? Name, UnitKind? Kind, string? WardCode);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Code).Code();
            RuleFor(request => request.Name).RequiredText(200);
            RuleFor(request => request.Kind).NotNull().WithMessage("Bắt buộc chọn loại đơn vị.");
            RuleFor(request => request.WardCode).Code().When(request => request.WardCode is not null);
        }
    }

    public static Decision Decide(Request request, Caller caller, DateTimeOffset now)
    {
        var wardCode = request.WardCode ?? caller.WardCode!;
        if (!caller.MayActForWard(wardCode))
        {
            return UnitErrors.OtherWard(wardCode);
        }

        var code = request.Code!;
        return Decision.Of(new UnitRegistered(Unit.StreamId(code), code, request.Name!.Trim(), request.Kind!.Value, wardCode, now, caller.Actor));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder units) =>
        units.MapPost("/", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .WithIdempotency()
            .WithName("RegisterUnit")
            .WithSummary("Register a unit (ward officer)");

    private static async Task<Results<Created<UnitResponse>, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var decision = Decide(request, user.Caller(), clock.GetUtcNow());
        var outcome = await session.StartAsync<Unit>(Unit.StreamId(request.Code!), decision, cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<Unit>.Applied applied:
                response.SetETag(applied.Version);
                return TypedResults.Created($"{PlanningApi.Prefix}/units/{applied.State.Code}", UnitResponse.From(applied.State));
            case CommandOutcome<Unit>.Rejected rejected:
                return rejected.Error.ToProblem();
            default:
                return UnitErrors.AlreadyRegistered(request.Code!).ToProblem();
        }
    }
}
