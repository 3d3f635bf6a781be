using System.Security.Claims;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.LibraryFund.Bookshelves;

public sealed record BookshelfResponse(
    Guid Id, Guid? PlanId, string WardCode, string HostUnitCode, BookshelfKind Kind, string Name, string Location, DateOnly EstablishedOn,
    string EstablishedOnText, long PhysicalBooks, IReadOnlyList<DigitalResource> DigitalResources, long DonatedMoneyVnd, long DonatedEquipment,
    long DonatedInKindValueVnd, long Version)
{
    public static BookshelfResponse From(Bookshelf shelf, BookshelfHoldings? holdings) => new(
        shelf.Id, shelf.PlanId, shelf.WardCode, shelf.HostUnitCode, shelf.Kind, shelf.Name, shelf.Location, shelf.EstablishedOn,
        VietnamTime.Format(shelf.EstablishedOn), shelf.InitialBooks + (holdings?.Books ?? 0), shelf.DigitalResources,
        holdings?.MoneyVnd ?? 0, holdings?.Equipment ?? 0, holdings?.InKindValueVnd ?? 0, shelf.Version);
}

public static class ReadBookshelves
{
    public const int MaxPageSize = 200;

    public static void Map(IEndpointRouteBuilder bookshelves)
    {
        bookshelves.MapGet("/", List)
            .RequireAuthorization(Policies.Reader)
            .WithName("ListBookshelves")
            .WithSummary("Bookshelves with their holdings (filter by unit, kind; page with after=)");
        bookshelves.MapGet("/{id:guid}", Get)
            .RequireAuthorization(Policies.Reader)
            .WithName("GetBookshelf")
            .WithSummary("A bookshelf with its books, digital resources and what donations brought it");
    }

    private static async Task<Results<Ok<Page<BookshelfResponse>>, ValidationProblem>> List(
        IQuerySession session, ClaimsPrincipal user, CancellationToken cancellationToken, string? unitCode = null, string? kind = null, Guid? after = null, int limit = 50)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return LibraryFundProblems.BadQuery("limit", $"Từ 1 đến {MaxPageSize}.");
        }

        BookshelfKind? kindFilter = null;
        if (kind is not null)
        {
            if (!KebabEnum.TryParse<BookshelfKind>(kind, out var parsed))
            {
                return LibraryFundProblems.BadQuery("kind", "Một trong: classroom, parents, school-library, culture-house, digital.");
            }

            kindFilter = parsed;
        }

        var caller = user.Caller();
        var query = session.Query<Bookshelf>().AsQueryable();
        if (!caller.IsReadOnly)
        {
            query = query.Where(shelf => shelf.WardCode == caller.WardCode);
        }

        if (unitCode is not null)
        {
            query = query.Where(shelf => shelf.HostUnitCode == unitCode);
        }

        if (kindFilter is { } k)
        {
            query = query.Where(shelf => shelf.Kind == k);
        }

        if (after is { } cursor)
        {
            query = query.Where(shelf => shelf.MatchesSql("d.id > ?", cursor));
        }

        var shelves = await query.OrderBySql("d.id").Take(limit + 1).ToListAsync(cancellationToken);
        var page = shelves.Take(limit).ToList();
        var ids = page.Select(shelf => shelf.Id).ToArray();
        var holdings = (await session.LoadManyAsync<BookshelfHoldings>(cancellationToken, ids)).ToDictionary(holding => holding.Id);
        return TypedResults.Ok(new Page<BookshelfResponse>(
            [.. page.Select(shelf => BookshelfResponse.From(shelf, holdings.GetValueOrDefault(shelf.Id)))],
            shelves.Count > limit ? page[^1].Id.ToString() : null));
    }

    private static async Task<Results<Ok<BookshelfResponse>, ProblemHttpResult>> Get(Guid id, IQuerySession session, ClaimsPrincipal user, HttpResponse response, CancellationToken cancellationToken)
    {
        var shelf = await session.LoadAsync<Bookshelf>(id, cancellationToken);
        var caller = user.Caller();
        if (shelf is null || (!caller.IsReadOnly && shelf.WardCode != caller.WardCode))
        {
            return LibraryFundProblems.BookshelfNotFound(id);
        }

        response.SetETag(shelf.Version);
        return TypedResults.Ok(BookshelfResponse.From(shelf, await session.LoadAsync<BookshelfHoldings>(id, cancellationToken)));
    }
}
