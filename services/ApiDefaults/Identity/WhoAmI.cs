using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LearningWeek.ApiDefaults.Identity;

public static class WhoAmIEndpoint
{
    /// <summary><c>GET {group}/whoami</c>: who the service takes the caller to be, from the token it validated itself.</summary>
    public static RouteHandlerBuilder MapWhoAmI(this IEndpointRouteBuilder group) =>
        group.MapGet("/whoami", WhoAmI)
            .RequireAuthorization(Policies.Reader)
            .WithName("WhoAmI")
            .WithSummary("Who the service takes the caller to be (from the bearer token)");

    public static Ok<Caller> WhoAmI(ClaimsPrincipal user) => TypedResults.Ok(user.Caller());
}
