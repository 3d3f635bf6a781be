namespace LearningWeek.Gateway.Identity;

/// <summary>The built-in token issuer's part of the <c>Identity</c> section.</summary>
public sealed class IssuerSettings
{
    /// <summary>
    /// The issuer URI written into every token (<c>iss</c>): the gateway's public URL. The services
    /// use it as their authority. Required unless an external <c>Identity:Authority</c> is used.
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>Lifetime of an access token: short, since a client can always get a new one.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The signing key, an RSA private key in PEM (from a secret store). Required in Production;
    /// elsewhere a development certificate kept in the user's certificate store is used.
    /// </summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>Clients created or updated at start: client id → secret, role, unit and ward.</summary>
    public Dictionary<string, ClientSettings> Clients { get; set; } = [];
}

public sealed class ClientSettings
{
    public string? Secret { get; set; }
    public string? Role { get; set; }
    public string? UnitCode { get; set; }
    public string? WardCode { get; set; }
    public string? DisplayName { get; set; }
}
