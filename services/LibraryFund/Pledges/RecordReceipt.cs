using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using JasperFx;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.Documents;
using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Funds;
using Marten;

namespace LearningWeek.LibraryFund.Pledges;

/// <summary>
/// Tiếp nhận: the ward officer records what actually arrived of a pledge, under a receipt number
/// unique within the fund. More than pledged needs the explicit over-delivery flag; a cancelled
/// pledge takes no more receipts.
/// </summary>
public static class RecordReceipt
{
    public sealed record Request(string? ReceiptNumber, DateOnly? ReceivedOn, long? Quantity, bool? OverDelivery, string? Note);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.ReceiptNumber).RequiredText(50);
            RuleFor(request => request.ReceivedOn).NotNull().WithMessage("Bắt buộc nhập ngày tiếp nhận.").PlausibleDay();
            RuleFor(request => request.Quantity).NotNull().WithMessage("Bắt buộc nhập số lượng (số tiền VND, số cuốn, số chiếc, số tài nguyên).")
                .GreaterThan(0).WithMessage("Phải lớn hơn 0.")
                .LessThanOrEqualTo(PledgeDonation.MaxVnd).WithMessage(string.Create(VietnamTime.Culture, $"Tối đa {PledgeDonation.MaxVnd:N0}."));
            RuleFor(request => request.Note).OptionalText(1000, multiline: true);
        }
    }

    public static Decision Decide(Pledge pledge, Request request, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayActForWard(pledge.WardCode))
        {
            return DomainError.Forbidden("Chỉ cán bộ của phường tiếp nhận tài trợ",
                "Chỉ cán bộ của phường nơi ghi nhận cam kết tài trợ mới được ghi nhận tiếp nhận tài trợ.", english: "Only an officer of the pledge's ward records receipts.");
        }

        if (pledge.Cancelled)
        {
            return DomainError.Conflict("pledge-cancelled", "Cam kết tài trợ đã bị huỷ", "Cam kết tài trợ đã huỷ không tiếp nhận thêm tài trợ.", english: "A cancelled pledge takes no more receipts.");
        }

        var number = request.ReceiptNumber!.Trim();
        if (pledge.Receipts.Any(receipt => string.Equals(receipt.Number, number, StringComparison.OrdinalIgnoreCase)))
        {
            return DomainError.Conflict("duplicate-receipt-number", "Số biên nhận đã được dùng", $"Biên nhận số {number} đã được ghi nhận trong quỹ này.",
                english: $"Receipt {number} is already recorded in this fund.", field: "receiptNumber");
        }

        if (request.ReceivedOn!.Value > VietnamTime.DayOf(now))
        {
            return DomainError.Rule("received-in-the-future", "Ngày tiếp nhận không được sau ngày hôm nay",
                "Chỉ ghi nhận tiếp nhận sau khi tài trợ đã được chuyển đến.", english: "A receipt is recorded once the gift has arrived.", field: "receivedOn");
        }

        var quantity = request.Quantity!.Value;
        var overDelivery = request.OverDelivery ?? false;
        var remaining = pledge.Gift.Quantity - pledge.Received;
        if (quantity > remaining && !overDelivery)
        {
            return DomainError.Rule(
                "receipt-exceeds-pledge",
                "Số tiếp nhận vượt số đã cam kết",
                $"Chỉ còn {VietnameseText.Number(Math.Max(remaining, 0))} trong số {VietnameseText.Number(pledge.Gift.Quantity)} đã cam kết chưa được tiếp nhận; để ghi nhận vượt số đã cam kết, hãy đặt overDelivery.",
                english: string.Create(CultureInfo.InvariantCulture, $"Only {Math.Max(remaining, 0):N0} of the {pledge.Gift.Quantity:N0} pledged remain to be received; set overDelivery to record more."),
                field: "quantity");
        }

        if (pledge.Received + quantity > PledgeDonation.MaxQuantity[pledge.Gift.Kind])
        {
            return DomainError.Rule("receipt-out-of-bounds", "Số tiếp nhận vượt giới hạn",
                $"Mỗi cam kết tài trợ chỉ tiếp nhận tổng cộng tối đa {VietnameseText.Number(PledgeDonation.MaxQuantity[pledge.Gift.Kind])}.",
                english: string.Create(CultureInfo.InvariantCulture, $"A pledge receives at most {PledgeDonation.MaxQuantity[pledge.Gift.Kind]:N0} in all."), field: "quantity");
        }

        return Decision.Of(new DonationReceived(
            pledge.Id, pledge.PlanId, pledge.WardCode, pledge.Gift.Kind, number, request.ReceivedOn.Value, quantity, pledge.ValueOfReceipt(quantity),
            quantity > remaining, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now, caller.Actor));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder pledges) =>
        pledges.MapPost("/{id:guid}/receipts", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<PledgeResponse>(StatusCodes.Status201Created)
            .WithName("RecordReceipt")
            .WithSummary("Record what arrived of a pledge, with a receipt number unique in the fund (ward officer; If-Match)");

    private static async Task<IResult> Handle(Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var caller = user.Caller();
        CommandOutcome<Pledge> outcome;
        try
        {
            outcome = await session.DecideAsync<Pledge>(id, expected, pledge =>
            {
                var decision = Decide(pledge, request, caller, clock.GetUtcNow());
                if (decision.Succeeded)
                {
                    // Saved with the receipt or not at all: the key is what keeps numbers unique across the fund's pledges.
                    session.Insert(new ReceiptNumberClaim(ReceiptNumberClaim.Key(pledge.PlanId, pledge.WardCode, request.ReceiptNumber!.Trim()), pledge.Id));
                }

                return decision;
            }, cancellationToken);
        }
        catch (DocumentAlreadyExistsException)
        {
            return DomainError.Conflict("duplicate-receipt-number", "Số biên nhận đã được dùng",
                $"Biên nhận số {request.ReceiptNumber!.Trim()} đã được ghi nhận trong quỹ này.",
                english: $"Receipt {request.ReceiptNumber!.Trim()} is already recorded in this fund.", field: "receiptNumber").ToProblem();
        }

        return PledgeResults.From(outcome, id, caller, http, StatusCodes.Status201Created);
    }
}
