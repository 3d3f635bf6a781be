using Microsoft.AspNetCore.Identity;

namespace LearningWeek.Gateway.Identity.Staff;

/// <summary>
/// A person's account at the built-in issuer: a ward officer, an ops engineer, a city viewer or a
/// member of a unit's staff. The user name is the person's stable handle (it is what events record
/// as the one who acted); the password is hashed by ASP.NET Core Identity's hasher.
/// </summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>One of <see cref="ApiDefaults.Identity.Roles"/>: the role every token of this person carries.</summary>
    public string Role { get; set; } = "";

    public string? WardCode { get; set; }

    /// <summary>For unit staff: the unit whose records the person files.</summary>
    public string? UnitCode { get; set; }

    /// <summary>A disabled account cannot sign in nor refresh its tokens; it is kept for the record.</summary>
    public bool Disabled { get; set; }

    /// <summary>Seeded with a local-development password (a Production start refuses it).</summary>
    public bool LocalDevelopment { get; set; }

    /// <summary>Where the account came from: <c>configuration</c> (seeded) or <c>application</c> (created by a ward officer).</summary>
    public string ManagedBy { get; set; } = ManagedByValues.Application;

    public DateTimeOffset CreatedAt { get; set; }

    public string? CreatedBy { get; set; }
}

public static class ManagedByValues
{
    public const string Configuration = "configuration";
    public const string Application = "application";
}
