using System.Security.Claims;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using LearningWeek.LibraryFund.Bookshelves;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.LibraryFund.Pledges;

public sealed record DonorResponse(DonorKind Kind, string Name, string? Contact);

public sealed record ReceiptResponse(string Number, DateOnly ReceivedOn, string ReceivedOnText, long Quantity, long ValueVnd, bool OverDelivery, string? Note);

public sealed record AllocationResponse(Guid BookshelfId, long Quantity, long ValueVnd, DateTimeOffset AllocatedAt, string AllocatedAtText);

/// <summary>
/// A pledge as the API shows it. The donor's contact, an individual donor's name, the reason of a
/// cancellation and the notes of receipts may be personal data: only an officer of the pledge's
/// ward sees them; units, city systems and ops get the pledge without them.
/// </summary>
public sealed record PledgeResponse(
    Guid Id,
    Guid? PlanId,
    string WardCode,
    DonorResponse Donor,
    Gift Gift,
    string? BeneficiaryUnitCode,
    Guid? BookshelfId,
    DateTimeOffset PledgedAt,
    string PledgedAtText,
    long Received,
    long ReceivedValueVnd,
    long Allocated,
    long AllocatedValueVnd,
    long Unallocated,
    long Outstanding,
    bool Cancelled,
    string? CancellationReason,
    IReadOnlyList<ReceiptResponse> Receipts,
    IReadOnlyList<AllocationResponse> Allocations,
    long Version)
{
    public static PledgeResponse From(Pledge pledge, Caller caller)
    {
        var officer = caller.MayActForWard(pledge.WardCode);
        return new(
            pledge.Id,
            pledge.PlanId,
            pledge.WardCode,
            officer ? new DonorResponse(pledge.Donor.Kind, pledge.Donor.Name, pledge.Donor.Contact) : Public(pledge.Donor),
            pledge.Gift,
            pledge.BeneficiaryUnitCode,
            pledge.BookshelfId,
            VietnamTime.ToVietnam(pledge.PledgedAt),
            VietnamTime.Format(pledge.PledgedAt),
            pledge.Received,
            pledge.ReceivedValueVnd,
            pledge.Allocated,
            pledge.AllocatedValueVnd,
            pledge.Unallocated,
            pledge.Cancelled ? 0 : Math.Max(pledge.Gift.Quantity - pledge.Received, 0),
            pledge.Cancelled,
            officer ? pledge.CancellationReason : null,
            [.. pledge.Receipts.Select(r => new ReceiptResponse(
                r.Number, r.ReceivedOn, VietnamTime.Format(r.ReceivedOn), r.Quantity, r.ValueVnd, r.OverDelivery, officer ? r.Note : null))],
            [.. pledge.Allocations.Select(a => new AllocationResponse(a.BookshelfId, a.Quantity, a.ValueVnd, VietnamTime.ToVietnam(a.AllocatedAt), VietnamTime.Format(a.AllocatedAt)))],
            pledge.Version);
    }

    /// <summary>The donor as anyone but the ward's officers sees it: no contact, and an individual not named.</summary>
    public static DonorResponse Public(Donor donor) =>
        new(donor.Kind, donor.Kind == DonorKind.Individual ? Ledger.ReadLedger.IndividualDonor : donor.Name, null);

    /// <summary>Who may see a pledge: the ward's officers, the beneficiary unit, city systems and ops.</summary>
    public static bool Visible(Pledge pledge, Caller caller) =>
        caller.IsReadOnly || caller.MayActForWard(pledge.WardCode) || (caller.IsUnit && pledge.BeneficiaryUnitCode == caller.UnitCode);
}

internal static class PledgeResults
{
    public static IResult From(CommandOutcome<Pledge> outcome, Guid id, Caller caller, HttpContext http, int successStatus)
    {
        switch (outcome)
        {
            case CommandOutcome<Pledge>.Applied applied:
                http.Response.SetETag(applied.Version);
                var body = PledgeResponse.From(applied.State, caller);
                return successStatus == StatusCodes.Status201Created
                    ? TypedResults.Created($"{LibraryFundApi.Prefix}/pledges/{id}", body)
                    : TypedResults.Ok(body);
            case CommandOutcome<Pledge>.Rejected rejected:
                return rejected.Error.ToProblem();
            case CommandOutcome<Pledge>.VersionMismatch mismatch:
                return CommandResults.VersionProblem(mismatch.ClientExpectedVersion);
            default:
                return LibraryFundProblems.PledgeNotFound(id);
        }
    }
}

public static class ReadPledges
{
    public static void Map(IEndpointRouteBuilder pledges)
    {
        pledges.MapGet("/", List)
            .RequireAuthorization(Policies.Reader)
            .WithName("ListPledges")
            .WithSummary("Pledges with their receipts and allocations (filter by plan, beneficiary unit, donor kind, gift kind; page with after=)");
        pledges.MapGet("/{id:guid}", Get)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetPledge")
            .WithSummary("A pledge with its receipts and allocations");
    }

    private static async Task<Results<Ok<Page<PledgeResponse>>, ValidationProblem>> List(
        IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken,
        Guid? planId = null, string? unitCode = null, string? donorKind = null, string? giftKind = null, Guid? after = null, int limit = 50)
    {
        if (limit is < 1 or > ReadBookshelves.MaxPageSize)
        {
            return LibraryFundProblems.BadQuery("limit", $"Từ 1 đến {ReadBookshelves.MaxPageSize}.");
        }

        DonorKind? donorFilter = null;
        if (donorKind is not null)
        {
            if (!KebabEnum.TryParse<DonorKind>(donorKind, out var parsed))
            {
                return LibraryFundProblems.BadQuery("donorKind", "Một trong: organisation, individual, parents-association.");
            }

            donorFilter = parsed;
        }

        GiftKind? giftFilter = null;
        if (giftKind is not null)
        {
            if (!KebabEnum.TryParse<GiftKind>(giftKind, out var parsed))
            {
                return LibraryFundProblems.BadQuery("giftKind", "Một trong: money, books, equipment, digital.");
            }

            giftFilter = parsed;
        }

        var caller = user.Caller();
        var query = session.Query<Pledge>().AsQueryable();
        if (caller.IsUnit)
        {
            query = query.Where(pledge => pledge.BeneficiaryUnitCode == caller.UnitCode);
        }
        else if (!caller.IsReadOnly)
        {
            query = query.Where(pledge => pledge.WardCode == caller.WardCode);
        }

        if (planId is { } plan)
        {
            query = query.Where(pledge => pledge.PlanId == plan);
        }

        if (unitCode is not null)
        {
            query = query.Where(pledge => pledge.BeneficiaryUnitCode == unitCode);
        }

        if (donorFilter is { } d)
        {
            query = query.Where(pledge => pledge.Donor.Kind == d);
        }

        if (giftFilter is { } g)
        {
            query = query.Where(pledge => pledge.Gift.Kind == g);
        }

        if (after is { } cursor)
        {
            query = query.Where(pledge => pledge.MatchesSql("d.id > ?", cursor));
        }

        var pledges = await query.OrderBySql("d.id").Take(limit + 1).ToListAsync(cancellationToken);
        var page = pledges.Take(limit).ToList();
        return TypedResults.Ok(new Page<PledgeResponse>(
            [.. page.Select(pledge => PledgeResponse.From(pledge, caller))],
            pledges.Count > limit ? page[^1].Id.ToString() : null));
    }

    private static async Task<Results<Ok<PledgeResponse>, ProblemHttpResult>> Get(Guid id, IQuerySession session, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var pledge = await session.LoadAsync<Pledge>(id, cancellationToken);
        var caller = user.Caller();
        if (pledge is null || !PledgeResponse.Visible(pledge, caller))
        {
            return LibraryFundProblems.PledgeNotFound(id);
        }

        response.SetETag(pledge.Version);
        return TypedResults.Ok(PledgeResponse.From(pledge, caller));
    }
}
