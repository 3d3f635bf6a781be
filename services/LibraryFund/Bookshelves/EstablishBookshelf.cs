using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Funds;
using Marten;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund.Bookshelves;

/// <summary>Xây dựng tủ sách: a unit (or its ward officer) establishes a bookshelf it hosts.</summary>
public static class EstablishBookshelf
{
    public const int MaxBooks = 1_000_000;

    public sealed record Request(string? HostUnitCode, Guid? PlanId, BookshelfKind? Kind, string? Name, string? Location, DateOnly? EstablishedOn, int? PhysicalBooks);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.HostUnitCode).Code().When(request => request.HostUnitCode is not null);
            RuleFor(request => request.Kind).NotNull().WithMessage("Bắt buộc chọn loại tủ sách.");
            RuleFor(request => request.Name).RequiredText(200);
            RuleFor(request => request.Location).RequiredText(300);
            RuleFor(request => request.EstablishedOn).NotNull().WithMessage("Bắt buộc nhập ngày thành lập.").PlausibleDay();
            RuleFor(request => request.PhysicalBooks).InclusiveBetween(0, MaxBooks).WithMessage(string.Create(VietnamTime.Culture, $"Từ 0 đến {MaxBooks:N0} cuốn.")).When(request => request.PhysicalBooks is not null);
        }
    }

    public static Decision Decide(Guid id, Request request, KnownUnit? host, Fund? fund, Caller caller, DateTimeOffset now)
    {
        var hostCode = request.HostUnitCode ?? caller.UnitCode ?? "";
        // A unit naming another is refused whether that unit exists or not; an officer learns it does not.
        if (host is null ? caller.IsUnit && caller.UnitCode != hostCode : !caller.MayWriteFor(hostCode, host.WardCode))
        {
            return DomainError.Forbidden("Không thể lập tủ sách cho đơn vị khác", $"Tài khoản không có quyền lập tủ sách tại đơn vị {hostCode}.",
                english: $"The caller may not establish a bookshelf at unit {hostCode}.");
        }

        if (host is null || !host.Active)
        {
            return DomainError.NotFound("Không tìm thấy đơn vị", $"Không có đơn vị đang hoạt động với mã {hostCode}.", english: $"No active unit {hostCode}.", field: "hostUnitCode");
        }

        if (request.PlanId is { } planId && (fund is not { Issued: true } || fund.WardCode != host.WardCode))
        {
            return DomainError.NotFound("Không tìm thấy kế hoạch", $"Phường {host.WardCode} không có kế hoạch {planId}.",
                english: $"No plan {planId} in ward {host.WardCode}.", field: "planId");
        }

        if (request.EstablishedOn > VietnamTime.DayOf(now))
        {
            return DomainError.Rule("established-in-the-future", "Ngày thành lập không được sau ngày hôm nay",
                "Chỉ ghi nhận tủ sách sau khi tủ sách đã được thành lập.", english: "A bookshelf is recorded once it exists.", field: "establishedOn");
        }

        if (request.Kind == BookshelfKind.Digital && request.PhysicalBooks is > 0)
        {
            return DomainError.Rule("books-on-digital-shelf", "Tủ sách số không có sách in",
                "Tủ sách số chỉ có tài nguyên số.", english: "A digital bookshelf holds digital resources only.", field: "physicalBooks");
        }

        return Decision.Of(new BookshelfEstablished(id, request.PlanId, host.WardCode, host.Id, request.Kind!.Value, request.Name!.Trim(), request.Location!.Trim(),
            request.EstablishedOn!.Value, request.PhysicalBooks ?? 0, now, caller.Actor));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder bookshelves) =>
        bookshelves.MapPost("/", Handle)
            .RequireAuthorization(Policies.UnitWriter)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<BookshelfResponse>(StatusCodes.Status201Created)
            .WithName("EstablishBookshelf")
            .WithSummary("Establish a bookshelf at a unit (the unit itself, or its ward officer)");

    private static async Task<IResult> Handle(Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        var host = await session.LoadAsync<KnownUnit>(request.HostUnitCode ?? caller.UnitCode ?? "", cancellationToken);
        var fund = request.PlanId is { } planId ? await session.LoadAsync<Fund>(planId, cancellationToken) : null;
        var id = StreamIds.New();
        var outcome = await session.StartAsync<Bookshelf>(id, Decide(id, request, host, fund, caller, clock.GetUtcNow()), cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<Bookshelf>.Applied applied:
                response.SetETag(applied.Version);
                return TypedResults.Created($"{LibraryFundApi.Prefix}/bookshelves/{id}", BookshelfResponse.From(applied.State, null));
            case CommandOutcome<Bookshelf>.Rejected rejected:
                return rejected.Error.ToProblem();
            default:
                return CommandResults.VersionProblem(clientExpectedVersion: false);
        }
    }
}
