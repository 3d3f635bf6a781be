using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.ApiDefaults.Identity;

/// <summary>
/// Role policies shared by the gateway and every service. Object-level rules (a unit writes only
/// its own records) sit in the handlers, with <see cref="Caller"/>; these decide who may call an
/// endpoint at all. Every endpoint needs a valid token unless it says otherwise (fallback policy).
/// </summary>
public static class Policies
{
    /// <summary>Any LearningWeek role: reads.</summary>
    public const string Reader = "reader";

    /// <summary>The ward's Culture-Social Office.</summary>
    public const string WardOfficer = "ward-officer";

    /// <summary>Units and ward officers: what a unit writes for itself (or an officer for it).</summary>
    public const string UnitWriter = "unit-writer";

    /// <summary>Those who follow events: ward officers, city systems and ops.</summary>
    public const string EventReader = "event-reader";

    /// <summary>Ops only: running the system (failed messages).</summary>
    public const string Operator = "operator";

    public static IServiceCollection AddLearningWeekAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.All).Build())
            .AddPolicy(Reader, policy => policy.RequireRole(Roles.All))
            .AddPolicy(WardOfficer, policy => policy.RequireRole(Roles.WardOfficer))
            .AddPolicy(UnitWriter, policy => policy.RequireRole(Roles.Unit, Roles.WardOfficer))
            .AddPolicy(EventReader, policy => policy.RequireRole(Roles.WardOfficer, Roles.City, Roles.Ops))
            .AddPolicy(Operator, policy => policy.RequireRole(Roles.Ops));
        return services;
    }
}
