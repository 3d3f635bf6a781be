using LearningWeek.ApiDefaults.Problems;

namespace LearningWeek.Gateway;

public static class GatewayRoutes
{
    /// <summary>The address of a proxy cluster's (first) destination, for the gateway's own calls to a service.</summary>
    public static Uri ClusterAddress(IConfiguration configuration, string cluster) =>
        configuration.GetSection($"ReverseProxy:Clusters:{cluster}:Destinations").GetChildren()
            .Select(destination => destination["Address"]).FirstOrDefault(address => address is not null) is { } address
            ? new Uri(address.EndsWith('/') ? address : address + "/")
            : throw new InvalidOperationException($"ReverseProxy:Clusters:{cluster} has no destination address.");

    /// <summary>
    /// A path under <c>/api</c> that no route serves is a 404 ProblemDetails: it never falls
    /// through to the web application's catch-all route.
    /// </summary>
    public static IEndpointConventionBuilder MapUnknownApiPaths(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map("/api/{**rest}", () => TypedResults.Problem(
                "Không có API nào ở đường dẫn này.", statusCode: StatusCodes.Status404NotFound,
                title: ProblemTypes.ForStatus(StatusCodes.Status404NotFound).Title, type: ProblemTypes.NotFound))
            .AllowAnonymous()
            .ExcludeFromDescription();
}
