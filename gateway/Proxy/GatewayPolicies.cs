using LearningWeek.ApiDefaults.Identity;
using Microsoft.AspNetCore.Authorization;

namespace LearningWeek.Gateway;

/// <summary>
/// Authorization policies of the gateway's routes (named in the YARP configuration). The gateway
/// is the first line: a valid token with a LearningWeek role for every API route, reads only for
/// city and ops, and a unit only on its own unit's paths. Each service checks again, fully.
/// </summary>
public static class GatewayPolicies
{
    /// <summary>Any API route: a valid token with a LearningWeek role; city and ops may only read.</summary>
    public const string Api = "api";

    /// <summary>Routes with <c>{unitCode}</c> in the path: as <see cref="Api"/>, and a unit only for itself.</summary>
    public const string UnitScope = "unit-scope";

    /// <summary>Public routes (health, OpenAPI documents, the public ledger): YARP's reserved name for no authorization.</summary>
    public const string Anonymous = "anonymous";

    public static IServiceCollection AddGatewayPolicies(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Api, policy => policy.RequireRole(Roles.All).AddRequirements(new ReadOnlyRolesOnlyReadRequirement()))
            .AddPolicy(UnitScope, policy => policy.RequireRole(Roles.All)
                .AddRequirements(new ReadOnlyRolesOnlyReadRequirement(), new OwnUnitRequirement()));
        services.AddSingleton<IAuthorizationHandler, ReadOnlyRolesOnlyReadHandler>();
        services.AddSingleton<IAuthorizationHandler, OwnUnitHandler>();
        return services;
    }

    private sealed class ReadOnlyRolesOnlyReadRequirement : IAuthorizationRequirement;

    private sealed class OwnUnitRequirement : IAuthorizationRequirement;

    private sealed class ReadOnlyRolesOnlyReadHandler : AuthorizationHandler<ReadOnlyRolesOnlyReadRequirement, HttpContext>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadOnlyRolesOnlyReadRequirement requirement, HttpContext http)
        {
            var method = http.Request.Method;
            if (!context.User.Caller().IsReadOnly || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    private sealed class OwnUnitHandler : AuthorizationHandler<OwnUnitRequirement, HttpContext>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OwnUnitRequirement requirement, HttpContext http)
        {
            var caller = context.User.Caller();
            var unitCode = http.GetRouteValue("unitCode") as string;
            if (!caller.IsUnit || unitCode is null || string.Equals(caller.UnitCode, unitCode, StringComparison.Ordinal))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
