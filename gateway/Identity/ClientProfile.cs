using System.Collections.Immutable;
using System.Text.Json;
using LearningWeek.Gateway.Identity.Staff;

namespace LearningWeek.Gateway.Identity;

/// <summary>
/// What a client is, as stored with it: the role, unit and ward its tokens carry (none for an
/// interactive application, whose tokens carry the signed-in person's), where it came from, and
/// whether a ward officer disabled it.
/// </summary>
public sealed record ClientProfile(
    string Role, string? UnitCode, string? WardCode, bool LocalDevelopment,
    string ManagedBy = ManagedByValues.Configuration, bool Disabled = false)
{
    private const string RoleProperty = "role";
    private const string UnitCodeProperty = "unit_code";
    private const string WardCodeProperty = "ward_code";
    private const string LocalDevelopmentProperty = "local_development";
    private const string ManagedByProperty = "managed_by";
    private const string DisabledProperty = "disabled";

    public static ClientProfile From(ImmutableDictionary<string, JsonElement> properties) => new(
        properties.TryGetValue(RoleProperty, out var role) ? role.GetString() ?? "" : "",
        properties.TryGetValue(UnitCodeProperty, out var unit) ? unit.GetString() : null,
        properties.TryGetValue(WardCodeProperty, out var ward) ? ward.GetString() : null,
        properties.TryGetValue(LocalDevelopmentProperty, out var local) && local.ValueKind == JsonValueKind.True,
        // Clients stored before this property existed all came from configuration.
        properties.TryGetValue(ManagedByProperty, out var managedBy) ? managedBy.GetString() ?? ManagedByValues.Configuration : ManagedByValues.Configuration,
        properties.TryGetValue(DisabledProperty, out var disabled) && disabled.ValueKind == JsonValueKind.True);

    public void WriteTo(IDictionary<string, JsonElement> properties)
    {
        properties[RoleProperty] = JsonSerializer.SerializeToElement(Role);
        properties[UnitCodeProperty] = JsonSerializer.SerializeToElement(UnitCode);
        properties[WardCodeProperty] = JsonSerializer.SerializeToElement(WardCode);
        properties[LocalDevelopmentProperty] = JsonSerializer.SerializeToElement(LocalDevelopment);
        properties[ManagedByProperty] = JsonSerializer.SerializeToElement(ManagedBy);
        properties[DisabledProperty] = JsonSerializer.SerializeToElement(Disabled);
    }

    /// <summary>The marker stored on clients seeded with a local-development secret (found at a Production start).</summary>
    public static string LocalDevelopmentMarker => $"\"{LocalDevelopmentProperty}\":true";
}
