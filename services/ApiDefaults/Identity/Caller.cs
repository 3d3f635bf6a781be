using System.Security.Claims;
using System.Text.Json.Serialization;

namespace LearningWeek.ApiDefaults.Identity;

/// <summary>
/// Who is calling, as the token says: the basis of every object-level decision. A system's token
/// names only its client; a person's (signed in to the web application) names the person too.
/// </summary>
public sealed record Caller(string ClientId, string Role, string? UnitCode, string? WardCode, string? Person = null, string? PersonName = null)
{
    /// <summary>
    /// Who acted, as events record it: the person's user name when a person signed in, the
    /// client's id when a system called.
    /// </summary>
    [JsonIgnore]
    public string Actor => Person ?? ClientId;

    [JsonIgnore]
    public bool IsWardOfficer => Role == Roles.WardOfficer;

    [JsonIgnore]
    public bool IsUnit => Role == Roles.Unit;

    /// <summary>Only what reads: city systems and ops.</summary>
    [JsonIgnore]
    public bool IsReadOnly => Role is Roles.City or Roles.Ops;

    public static Caller From(ClaimsPrincipal principal) => new(
        principal.FindFirstValue(ClaimNames.ClientId) ?? principal.FindFirstValue(ClaimNames.Subject) ?? "",
        principal.FindFirstValue(ClaimNames.Role) ?? "",
        principal.FindFirstValue(ClaimNames.UnitCode),
        principal.FindFirstValue(ClaimNames.WardCode),
        principal.FindFirstValue(ClaimNames.PreferredUserName),
        principal.FindFirstValue(ClaimNames.PreferredUserName) is null ? null : principal.FindFirstValue(ClaimNames.Name));

    /// <summary>
    /// May this caller write records of <paramref name="unitCode"/> (in <paramref name="wardCode"/>)?
    /// The unit itself, or an officer of the unit's ward; nobody else. A record whose ward is not
    /// known (null) is no ward officer's: refused, never allowed by default.
    /// </summary>
    public bool MayWriteFor(string unitCode, string? wardCode) =>
        (IsUnit && string.Equals(UnitCode, unitCode, StringComparison.Ordinal))
        || (IsWardOfficer && wardCode is not null && string.Equals(WardCode, wardCode, StringComparison.Ordinal));

    /// <summary>May this caller read records of <paramref name="unitCode"/>? Its writers, and city and ops.</summary>
    public bool MayReadFor(string unitCode, string? wardCode) => IsReadOnly || MayWriteFor(unitCode, wardCode);

    /// <summary>May this caller act as the ward (issue plans, review, record receipts) for <paramref name="wardCode"/>?</summary>
    public bool MayActForWard(string wardCode) =>
        IsWardOfficer && string.Equals(WardCode, wardCode, StringComparison.Ordinal);
}

public static class CallerExtensions
{
    public static Caller Caller(this ClaimsPrincipal principal) => Identity.Caller.From(principal);
}
