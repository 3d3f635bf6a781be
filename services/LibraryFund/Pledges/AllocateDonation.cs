using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.Documents;
using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Bookshelves;
using Marten;

namespace LearningWeek.LibraryFund.Pledges;

/// <summary>
/// Phân bổ: the ward officer moves part of what a pledge brought to a bookshelf of the ward. Never
/// more than was received and not yet allocated, however many officers allocate at once: the
/// pledge's stream version is the guard.
/// </summary>
public static class AllocateDonation
{
    /// <summary>How often an allocation is decided again when another change to the pledge won the race (without If-Match).</summary>
    public const int Attempts = 5;

    public sealed record Request(Guid? BookshelfId, long? Quantity);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.BookshelfId).NotNull().WithMessage("Bắt buộc chọn tủ sách.");
            RuleFor(request => request.Quantity).NotNull().WithMessage("Bắt buộc nhập số lượng phân bổ.")
                .GreaterThan(0).WithMessage("Phải lớn hơn 0.")
                .LessThanOrEqualTo(PledgeDonation.MaxVnd).WithMessage(string.Create(VietnamTime.Culture, $"Tối đa {PledgeDonation.MaxVnd:N0}."));
        }
    }

    public static Decision Decide(Pledge pledge, Bookshelf? shelf, Request request, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayActForWard(pledge.WardCode))
        {
            return DomainError.Forbidden("Chỉ cán bộ của phường phân bổ tài trợ",
                "Chỉ cán bộ của phường nơi ghi nhận cam kết tài trợ mới được phân bổ tài trợ này.", english: "Only an officer of the pledge's ward allocates it.");
        }

        if (shelf is null || shelf.WardCode != pledge.WardCode)
        {
            return DomainError.NotFound("Không tìm thấy tủ sách", $"Phường {pledge.WardCode} không có tủ sách {request.BookshelfId}.",
                english: $"No bookshelf {request.BookshelfId} in ward {pledge.WardCode}.", field: "bookshelfId");
        }

        if (pledge.BookshelfId is { } designated && shelf.Id != designated)
        {
            return DomainError.Rule("allocation-against-donor-intent", "Nhà tài trợ đã chỉ định tủ sách khác",
                $"Tài trợ đã được cam kết cho tủ sách {designated}; chỉ có thể phân bổ cho tủ sách đó hoặc huỷ cam kết.",
                english: $"The gift was pledged for bookshelf {designated}; it is allocated there or the pledge is cancelled.", field: "bookshelfId");
        }

        if (pledge.BeneficiaryUnitCode is { } unit && shelf.HostUnitCode != unit)
        {
            return DomainError.Rule("allocation-against-donor-intent", "Tủ sách không thuộc đơn vị được tài trợ",
                $"Tài trợ đã được cam kết cho đơn vị {unit}; tủ sách {shelf.Id} thuộc đơn vị {shelf.HostUnitCode}.",
                english: $"The gift was pledged for unit {unit}; bookshelf {shelf.Id} is hosted by {shelf.HostUnitCode}.", field: "bookshelfId");
        }

        switch (pledge.Gift.Kind)
        {
            case GiftKind.Books when shelf.Kind == BookshelfKind.Digital:
                return DomainError.Rule("books-on-digital-shelf", "Tủ sách số không nhận sách in",
                    "Sách in chỉ được phân bổ cho tủ sách truyền thống (không phải tủ sách số).", english: "Printed books go to a physical bookshelf.", field: "bookshelfId");
            case GiftKind.Digital when shelf.Kind != BookshelfKind.Digital:
                return DomainError.Rule("digital-gift-on-physical-shelf", "Tài nguyên số chỉ phân bổ cho tủ sách số",
                    "Tài nguyên số chỉ được phân bổ cho tủ sách số.", english: "Digital resources go to a digital bookshelf.", field: "bookshelfId");
        }

        var quantity = request.Quantity!.Value;
        if (quantity > pledge.Unallocated)
        {
            return DomainError.Conflict(
                "allocation-exceeds-received",
                "Số phân bổ vượt số đã tiếp nhận",
                $"Chỉ còn {VietnameseText.Number(pledge.Unallocated)} trong số {VietnameseText.Number(pledge.Received)} đã tiếp nhận có thể phân bổ.",
                english: string.Create(CultureInfo.InvariantCulture, $"Only {pledge.Unallocated:N0} of the {pledge.Received:N0} received remain to be allocated."),
                field: "quantity");
        }

        // The last part takes what value is left, so allocated value never exceeds received value and adds up exactly.
        var remainingValue = pledge.ReceivedValueVnd - pledge.AllocatedValueVnd;
        var value = quantity == pledge.Unallocated ? remainingValue : Math.Min(pledge.Gift.ValueOf(quantity), remainingValue);
        return Decision.Of(new DonationAllocated(pledge.Id, pledge.PlanId, pledge.WardCode, pledge.Gift.Kind, shelf.Id, quantity, value, now, caller.Actor));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder pledges) =>
        pledges.MapPost("/{id:guid}/allocations", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<PledgeResponse>(StatusCodes.Status201Created)
            .WithName("AllocateDonation")
            .WithSummary("Allocate part of what a pledge brought to a bookshelf; never more than received (ward officer; If-Match)");

    private static async Task<IResult> Handle(Guid id, Request request, ClaimsPrincipal user, IDocumentStore store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var caller = user.Caller();
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var shelf = await session.LoadAsync<Bookshelf>(request.BookshelfId!.Value, cancellationToken);
            var outcome = await session.DecideAsync<Pledge>(id, expected, pledge => Decide(pledge, shelf, request, caller, clock.GetUtcNow()), cancellationToken);
            if (outcome is CommandOutcome<Pledge>.VersionMismatch { ClientExpectedVersion: false } && attempt < Attempts)
            {
                // Another receipt or allocation of this pledge was saved meanwhile; decide again on the new state.
                continue;
            }

            return PledgeResults.From(outcome, id, caller, http, StatusCodes.Status201Created);
        }
    }
}
