using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.Planning.Units;

/// <summary>
/// Đăng ký nhiều đơn vị: a ward (or a city importing its schools) registers up to
/// <see cref="MaxUnits"/> units in one request. Every unit is checked first and the batch is
/// stored in one transaction: all of it or nothing. A unit already registered exactly as sent is
/// left as it is and listed as unchanged, so an import can be sent again after a failure; a code
/// already registered with other data is a conflict, and nothing is stored.
/// </summary>
public static class RegisterUnits
{
    public const int MaxUnits = 1000;

    public sealed record Request(IReadOnlyList<RegisterUnit.Request?>? Units);

    public sealed record Response(IReadOnlyList<UnitResponse> Registered, IReadOnlyList<string> Unchanged);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Units)
                .NotEmpty().WithMessage("Cần ít nhất một đơn vị.")
                .Must(units => units!.Count <= MaxUnits)
                .WithMessage($"Tối đa {MaxUnits.ToString("#,0", VietnamTime.Culture)} đơn vị mỗi lần; hãy chia thành nhiều lần gửi.");
            RuleForEach(request => request.Units)
                .NotNull().WithMessage("Thiếu thông tin đơn vị.")
                .SetValidator(new RegisterUnit.Validator()!);
            RuleFor(request => request.Units).Custom((units, context) =>
            {
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < (units?.Count ?? 0); i++)
                {
                    if (units![i]?.Code is { } code && !seen.TryAdd(code, i))
                    {
                        context.AddFailure($"units[{i}].code", $"Mã {code} trùng với đơn vị thứ {seen[code] + 1} trong cùng yêu cầu.");
                    }
                }
            });
        }
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder units) =>
        units.MapPost("/batch", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .WithIdempotency()
            .WithName("RegisterUnits")
            .WithSummary($"Register up to {MaxUnits} units at once, all or nothing (ward officer)");

    private static async Task<Results<Ok<Response>, ProblemHttpResult>> Handle(
        Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        var now = clock.GetUtcNow();
        var decisions = new List<UnitRegistered>(request.Units!.Count);
        foreach (var unit in request.Units!)
        {
            var decision = RegisterUnit.Decide(unit!, caller, now);
            if (decision.Error is { } error)
            {
                return error.ToProblem();
            }

            decisions.Add((UnitRegistered)decision.Events.Single());
        }

        var existing = (await session.LoadManyAsync<Unit>(cancellationToken, decisions.Select(registered => registered.UnitId)))
            .ToDictionary(unit => unit.Id);
        var conflicting = decisions.Where(registered => existing.TryGetValue(registered.UnitId, out var unit) && !IsSame(unit, registered))
            .Select(registered => registered.Code).ToList();
        if (conflicting.Count > 0)
        {
            return UnitErrors.RegisteredOtherwise(conflicting).ToProblem();
        }

        var registering = decisions.Where(registered => !existing.ContainsKey(registered.UnitId)).ToList();
        var registered = await session.StartAllAsync<Unit>([.. registering.Select(e => (e.UnitId, Decision.Of(e)))], cancellationToken);
        if (registered is null)
        {
            return CommandResults.VersionProblem(clientExpectedVersion: false);
        }

        return TypedResults.Ok(new Response(
            [.. registered.Select(UnitResponse.From)],
            [.. decisions.Where(e => existing.ContainsKey(e.UnitId)).Select(e => e.Code)]));
    }

    private static bool IsSame(Unit unit, UnitRegistered registering) =>
        unit.Name == registering.Name && unit.Kind == registering.Kind && unit.WardCode == registering.WardCode && unit.Active;
}
