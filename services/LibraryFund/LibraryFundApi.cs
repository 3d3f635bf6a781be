using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.OpenApi;
using LearningWeek.EventSourcing.DeadLetters;
using LearningWeek.EventSourcing.Publishing;
using LearningWeek.LibraryFund.Bookshelves;
using LearningWeek.LibraryFund.Ledger;
using LearningWeek.LibraryFund.Letters;
using LearningWeek.LibraryFund.Pledges;

namespace LearningWeek.LibraryFund;

/// <summary>The HTTP API of the LibraryFund service, under <c>/api/library-fund</c> (the same path through the gateway).</summary>
public static class LibraryFundApi
{
    public const string Prefix = "/api/library-fund";

    public static IServiceCollection AddLibraryFundApiOpenApi(this IServiceCollection services) =>
        services.AddLearningWeekOpenApi(
            "LearningWeek LibraryFund API",
            "Vận động tài trợ tủ sách, thư viện số: cam kết, tiếp nhận, phân bổ, thư cảm ơn và sổ công khai.");

    public static IEndpointRouteBuilder MapLibraryFundApi(this IEndpointRouteBuilder app)
    {
        app.MapLearningWeekOpenApi(Prefix);
        var api = app.MapGroup(Prefix);
        api.MapWhoAmI().WithTags("Identity");
        api.MapEventFeed().WithTags("Events");
        api.MapDeadLetters().WithTags("Operations");

        var bookshelves = api.MapGroup("/bookshelves").WithTags("Bookshelves");
        EstablishBookshelf.Map(bookshelves);
        AddDigitalResource.Map(bookshelves);
        ReadBookshelves.Map(bookshelves);

        var pledges = api.MapGroup("/pledges").WithTags("Pledges");
        PledgeDonation.Map(pledges);
        RecordReceipt.Map(pledges);
        AllocateDonation.Map(pledges);
        CancelPledge.Map(pledges);
        ReadPledges.Map(pledges);
        ThankYouLetter.Map(pledges);

        ReadLedger.Map(api.MapGroup("").WithTags("Public ledger"));
        return app;
    }
}
