using System.Collections.Immutable;
using System.Text.Json;

namespace LearningWeek.Gateway.Identity;

/// <summary>What a client is, as stored with it: the role, unit and ward its tokens carry.</summary>
public sealed record ClientProfile(string Role, string? UnitCode, string? WardCode, bool LocalDevelopment)
{
    private const string RoleProperty = "role";
    private const string UnitCodeProperty = "unit_code";
    private const string WardCodeProperty = "ward_code";
    private const string LocalDevelopmentProperty = "local_development";

    public static ClientProfile From(ImmutableDictionary<string, JsonElement> properties) => new(
        properties.TryGetValue(RoleProperty, out var role) ? role.GetString() ?? "" : "",
        properties.TryGetValue(UnitCodeProperty, out var unit) ? unit.GetString() : null,
        properties.TryGetValue(WardCodeProperty, out var ward) ? ward.GetString() : null,
        properties.TryGetValue(LocalDevelopmentProperty, out var local) && local.ValueKind == JsonValueKind.True);

    public void WriteTo(Dictionary<string, JsonElement> properties)
    {
        properties[RoleProperty] = JsonSerializer.SerializeToElement(Role);
        properties[UnitCodeProperty] = JsonSerializer.SerializeToElement(UnitCode);
        properties[WardCodeProperty] = JsonSerializer.SerializeToElement(WardCode);
        properties[LocalDevelopmentProperty] = JsonSerializer.SerializeToElement(LocalDevelopment);
    }

    /// <summary>The marker stored on clients seeded with a local-development secret (found at a Production start).</summary>
    public static string LocalDevelopmentMarker => $"\"{LocalDevelopmentProperty}\":true";
}
