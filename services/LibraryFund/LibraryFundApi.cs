using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.OpenApi;

namespace LearningWeek.LibraryFund;

/// <summary>The HTTP API of the LibraryFund service, under <c>/api/library-fund</c> (the same path through the gateway).</summary>
public static class LibraryFundApi
{
    public const string Prefix = "/api/library-fund";

    public static IServiceCollection AddLibraryFundApiOpenApi(this IServiceCollection services) =>
        services.AddLearningWeekOpenApi(
            "LearningWeek LibraryFund API",
            "Vận động tài trợ tủ sách, thư viện số: cam kết, tiếp nhận, phân bổ và sổ công khai.");

    public static IEndpointRouteBuilder MapLibraryFundApi(this IEndpointRouteBuilder app)
    {
        app.MapLearningWeekOpenApi(Prefix);
        var api = app.MapGroup(Prefix).WithTags("LibraryFund");
        api.MapWhoAmI();
        return app;
    }
}
