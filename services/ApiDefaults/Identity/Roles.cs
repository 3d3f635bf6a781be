namespace LearningWeek.ApiDefaults.Identity;

/// <summary>The roles a token carries (claim <c>role</c>).</summary>
public static class Roles
{
    /// <summary>Culture-Social Office of a ward (Phòng Văn hoá - Xã hội): plans, units, reviews, ward report, fund receipts.</summary>
    public const string WardOfficer = "ward-officer";

    /// <summary>A school or organisation (đơn vị): its own plan, reports and pledges.</summary>
    public const string Unit = "unit";

    /// <summary>A city-level system (Sở GD&amp;ĐT): reads and follows events.</summary>
    public const string City = "city";

    /// <summary>Operations: dashboards, reads.</summary>
    public const string Ops = "ops";

    public static readonly IReadOnlyList<string> All = [WardOfficer, Unit, City, Ops];
}

/// <summary>Claim names in LearningWeek tokens (JWT names, not mapped to .NET's long URIs).</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string Role = "role";
    public const string UnitCode = "unit_code";
    public const string WardCode = "ward_code";
    public const string Name = "name";

    /// <summary>A person's user name (tokens of people only).</summary>
    public const string PreferredUserName = "preferred_username";
}
