using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Funds;
using Marten;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.LibraryFund.Pledges;

/// <summary>
/// Cam kết tài trợ: a donor pledges money (VND, whole numbers), books, equipment or digital
/// resources, under a plan or outside any, optionally for a unit or a bookshelf. The ward officer
/// records it; a unit may record a pledge it brings for itself.
/// </summary>
public static class PledgeDonation
{
    /// <summary>Upper bounds that catch typing slips (an extra zero) rather than real gifts.</summary>
    public const long MaxVnd = 10_000_000_000;

    public static readonly IReadOnlyDictionary<GiftKind, long> MaxQuantity = new Dictionary<GiftKind, long>
    {
        [GiftKind.Money] = MaxVnd,
        [GiftKind.Books] = 1_000_000,
        [GiftKind.Equipment] = 100_000,
        [GiftKind.Digital] = 10_000,
    };

    public sealed record Request(
        Guid? PlanId, DonorRequest? Donor, GiftKind? GiftKind, string? Description, long? Quantity, long? EstimatedValueVnd,
        IReadOnlyList<string?>? Titles, string? BeneficiaryUnitCode, Guid? BookshelfId);

    public sealed record DonorRequest(DonorKind? Kind, string? Name, string? Contact);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(pledge => pledge.Donor).NotNull().WithMessage("Bắt buộc nêu nhà tài trợ.");
            RuleFor(pledge => pledge.Donor!.Kind).NotNull().WithMessage("Bắt buộc chọn loại nhà tài trợ.").When(pledge => pledge.Donor is not null);
            RuleFor(pledge => pledge.Donor!.Name).RequiredText(200).When(pledge => pledge.Donor is not null);
            RuleFor(pledge => pledge.Donor!.Contact).OptionalText(200).When(pledge => pledge.Donor is not null);
            RuleFor(pledge => pledge.GiftKind).NotNull().WithMessage("Bắt buộc chọn loại tài trợ: money, books, equipment, digital.");
            RuleFor(pledge => pledge.Description).RequiredText(500).When(pledge => pledge.GiftKind is not GiftKind.Money);
            RuleFor(pledge => pledge.Description).OptionalText(500);
            RuleFor(pledge => pledge.Quantity).NotNull().WithMessage("Bắt buộc nhập số lượng (số tiền VND, số cuốn, số chiếc, số tài nguyên).")
                .GreaterThan(0).WithMessage("Phải lớn hơn 0.")
                .Must((pledge, quantity) => pledge.GiftKind is not { } kind || quantity <= MaxQuantity[kind])
                .WithMessage((pledge, _) => string.Create(VietnamTime.Culture, $"Tối đa {MaxQuantity[pledge.GiftKind ?? GiftKind.Money]:N0}."));
            RuleFor(pledge => pledge.EstimatedValueVnd).InclusiveBetween(0, MaxVnd).WithMessage(string.Create(VietnamTime.Culture, $"Giá trị ước tính từ 0 đến {MaxVnd:N0} đồng."))
                .When(pledge => pledge.EstimatedValueVnd is not null);
            RuleFor(pledge => pledge.EstimatedValueVnd).NotNull().WithMessage("Bắt buộc nhập giá trị ước tính của thiết bị (VND).")
                .When(pledge => pledge.GiftKind == GiftKind.Equipment);
            RuleFor(pledge => pledge.Titles).Must(titles => titles is null || titles.Count <= 1000).WithMessage("Tối đa 1.000 đầu sách.");
            RuleForEach(pledge => pledge.Titles).RequiredText(300);
            RuleFor(pledge => pledge.BeneficiaryUnitCode).Code().When(pledge => pledge.BeneficiaryUnitCode is not null);
        }
    }

    public static Decision Decide(Guid id, Request request, Fund? fund, KnownUnit? beneficiary, Bookshelf? bookshelf, Caller caller, DateTimeOffset now)
    {
        var ward = caller.WardCode ?? "";
        if (caller.IsUnit && request.BeneficiaryUnitCode is { } unitCode && unitCode != caller.UnitCode)
        {
            return DomainError.Forbidden("Đơn vị chỉ ghi nhận tài trợ cho chính mình",
                $"Đơn vị chỉ ghi nhận cam kết tài trợ cho chính mình, không ghi nhận cho đơn vị {unitCode}.", english: $"A unit records pledges for itself, not for {unitCode}.");
        }

        if (request.PlanId is { } planId && (fund is not { Issued: true } || fund.WardCode != ward))
        {
            return DomainError.NotFound("Không tìm thấy kế hoạch", $"Phường {ward} không có kế hoạch {planId}.", english: $"No plan {planId} in ward {ward}.", field: "planId");
        }

        if (fund?.ClosedAt is not null)
        {
            return DomainError.Conflict("plan-closed", "Kế hoạch đã kết thúc, không nhận cam kết tài trợ mới",
                "Kế hoạch đã kết thúc: hãy ghi nhận cam kết tài trợ ngoài kế hoạch (không nêu planId).",
                english: "The plan is closed: record the pledge outside any plan (without planId).", field: "planId");
        }

        if (request.BookshelfId is { } shelfId && (bookshelf is null || bookshelf.WardCode != ward))
        {
            return DomainError.NotFound("Không tìm thấy tủ sách", $"Phường {ward} không có tủ sách {shelfId}.", english: $"No bookshelf {shelfId} in ward {ward}.", field: "bookshelfId");
        }

        var beneficiaryCode = BeneficiaryOf(request, caller, bookshelf);
        if (beneficiaryCode is not null && (beneficiary is not { Active: true } || beneficiary.WardCode != ward))
        {
            return DomainError.NotFound("Không tìm thấy đơn vị thụ hưởng",
                $"Phường {ward} không có đơn vị đang hoạt động với mã {beneficiaryCode}.", english: $"No active unit {beneficiaryCode} in ward {ward}.", field: "beneficiaryUnitCode");
        }

        if (bookshelf is not null && bookshelf.HostUnitCode != beneficiaryCode)
        {
            return DomainError.Rule("bookshelf-of-another-unit", "Tủ sách không thuộc đơn vị thụ hưởng",
                $"Tủ sách {bookshelf.Id} thuộc đơn vị {bookshelf.HostUnitCode}, không thuộc đơn vị {beneficiaryCode}.",
                english: $"Bookshelf {bookshelf.Id} is hosted by {bookshelf.HostUnitCode}, not by {beneficiaryCode}.", field: "bookshelfId");
        }

        var kind = request.GiftKind!.Value;
        var quantity = request.Quantity!.Value;
        var gift = new Gift(
            kind,
            request.Description?.Trim() ?? "Tiền mặt",
            quantity,
            kind == GiftKind.Money ? quantity : request.EstimatedValueVnd ?? 0,
            [.. (request.Titles ?? []).Select(title => title!.Trim())]);
        var donor = new Donor(request.Donor!.Kind!.Value, request.Donor.Name!.Trim(), string.IsNullOrWhiteSpace(request.Donor.Contact) ? null : request.Donor.Contact.Trim());
        return Decision.Of(new DonationPledged(id, request.PlanId, ward, donor, gift, beneficiaryCode, request.BookshelfId, now, caller.Actor));
    }

    /// <summary>The unit a gift is for: as named; else the unit recording it; else the host of the bookshelf it is for.</summary>
    public static string? BeneficiaryOf(Request request, Caller caller, Bookshelf? bookshelf) =>
        request.BeneficiaryUnitCode ?? (caller.IsUnit ? caller.UnitCode : bookshelf?.HostUnitCode);

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder pledges) =>
        pledges.MapPost("/", Handle)
            .RequireAuthorization(Policies.UnitWriter)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<PledgeResponse>(StatusCodes.Status201Created)
            .WithName("PledgeDonation")
            .WithSummary("Record a pledge: money (VND), books, equipment or digital resources, from an organisation, an individual or parents");

    private static async Task<IResult> Handle(Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        var fund = request.PlanId is { } planId ? await session.LoadAsync<Fund>(planId, cancellationToken) : null;
        var bookshelf = request.BookshelfId is { } shelfId ? await session.LoadAsync<Bookshelf>(shelfId, cancellationToken) : null;
        var beneficiaryCode = BeneficiaryOf(request, caller, bookshelf);
        var beneficiary = beneficiaryCode is null ? null : await session.LoadAsync<KnownUnit>(beneficiaryCode, cancellationToken);
        var id = StreamIds.New();
        var outcome = await session.StartAsync<Pledge>(id, Decide(id, request, fund, beneficiary, bookshelf, caller, clock.GetUtcNow()), cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<Pledge>.Applied applied:
                response.SetETag(applied.Version);
                return TypedResults.Created($"{LibraryFundApi.Prefix}/pledges/{id}", PledgeResponse.From(applied.State, caller));
            case CommandOutcome<Pledge>.Rejected rejected:
                return rejected.Error.ToProblem();
            default:
                return CommandResults.VersionProblem(clientExpectedVersion: false);
        }
    }
}
