using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.Documents;
using LearningWeek.EventSourcing;
using Marten;

namespace LearningWeek.LibraryFund.Bookshelves;

/// <summary>Tài nguyên số: an e-book, MOOC, video, audiobook or website added to a bookshelf.</summary>
public static class AddDigitalResource
{
    public const int MaxResources = 10_000;

    public sealed record Request(string? Title, string? Url, DigitalResourceKind? Kind);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Title).RequiredText(300);
            RuleFor(request => request.Url).NotEmpty().WithMessage("Bắt buộc nhập đường dẫn.").MaximumLength(2000).WithMessage("Tối đa 2000 ký tự.")
                .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                .WithMessage("Đường dẫn phải là địa chỉ http:// hoặc https:// đầy đủ.");
            RuleFor(request => request.Kind).NotNull().WithMessage("Bắt buộc chọn loại tài nguyên.");
        }
    }

    public static Decision Decide(Bookshelf shelf, Request request, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayWriteFor(shelf.HostUnitCode, shelf.WardCode))
        {
            return DomainError.Forbidden("Không thể bổ sung tủ sách của đơn vị khác", $"Tài khoản không có quyền bổ sung tủ sách của đơn vị {shelf.HostUnitCode}.",
                english: $"The caller may not add to bookshelves of unit {shelf.HostUnitCode}.");
        }

        if (shelf.DigitalResources.Count >= MaxResources)
        {
            return DomainError.Rule("bookshelf-full", "Tủ sách đã đủ số tài nguyên tối đa",
                $"Mỗi tủ sách có tối đa {VietnameseText.Number(MaxResources)} tài nguyên số.",
                english: string.Create(CultureInfo.InvariantCulture, $"A bookshelf holds at most {MaxResources:N0} digital resources."));
        }

        if (shelf.DigitalResources.Any(resource => string.Equals(resource.Url, request.Url!.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return DomainError.Conflict("duplicate-resource", "Tài nguyên đã có trong tủ sách", $"Tủ sách đã có tài nguyên {request.Url}.",
                english: $"The bookshelf already holds {request.Url}.", field: "url");
        }

        return Decision.Of(new DigitalResourceAdded(shelf.Id, shelf.PlanId, shelf.WardCode,
            new DigitalResource(StreamIds.New(), request.Title!.Trim(), request.Url!.Trim(), request.Kind!.Value, now), caller.Actor));
    }

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder bookshelves) =>
        bookshelves.MapPost("/{id:guid}/digital-resources", Handle)
            .RequireAuthorization(Policies.UnitWriter)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<BookshelfResponse>(StatusCodes.Status201Created)
            .WithName("AddDigitalResource")
            .WithSummary("Add a digital resource (e-book, MOOC, video, audiobook, website) to a bookshelf");

    private static async Task<IResult> Handle(Guid id, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var outcome = await session.DecideAsync<Bookshelf>(id, expected, shelf => Decide(shelf, request, user.Caller(), clock.GetUtcNow()), cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<Bookshelf>.Applied applied:
                http.Response.SetETag(applied.Version);
                return TypedResults.Created($"{LibraryFundApi.Prefix}/bookshelves/{id}", BookshelfResponse.From(applied.State, null));
            case CommandOutcome<Bookshelf>.Rejected rejected:
                return rejected.Error.ToProblem();
            case CommandOutcome<Bookshelf>.VersionMismatch mismatch:
                return CommandResults.VersionProblem(mismatch.ClientExpectedVersion);
            default:
                return LibraryFundProblems.BookshelfNotFound(id);
        }
    }
}
