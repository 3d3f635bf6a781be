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
    /// Lifetime of a person's sign-in at an interactive client (its refresh token): a working day.
    /// Refresh tokens do not roll, so a session ends at the latest this long after sign-in.
    /// </summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>
    /// The signing key, an RSA private key in PEM (from a secret store). Required in Production;
    /// elsewhere a key held in memory by the process (tokens end with it).
    /// </summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>
    /// The key that encrypts authorization codes and refresh tokens, an RSA private key in PEM (from
    /// a secret store). Required in Production; elsewhere a key held in memory by the process.
    /// </summary>
    public string? EncryptionKeyPem { get; set; }

    /// <summary>
    /// Clients created or updated at start: client id → secret, role, unit and ward (systems), or
    /// secret and redirect URIs (an interactive application such as the web application).
    /// A client once created from configuration and later removed from it is deleted at start.
    /// </summary>
    public Dictionary<string, ClientSettings> Clients { get; set; } = [];

    /// <summary>Staff accounts created at start when missing (user name → settings); existing ones keep their password.</summary>
    public Dictionary<string, UserSettings> Users { get; set; } = [];
}

public sealed class ClientSettings
{
    public string? Secret { get; set; }
    public string? Role { get; set; }
    public string? UnitCode { get; set; }
    public string? WardCode { get; set; }
    public string? DisplayName { get; set; }

    /// <summary>Where people are sent back after signing in: set only for an interactive application.</summary>
    public List<Uri> RedirectUris { get; set; } = [];

    /// <summary>Where people are sent after signing out of an interactive application.</summary>
    public List<Uri> PostLogoutRedirectUris { get; set; } = [];

    public bool IsInteractive => RedirectUris.Count > 0;
}

public sealed class UserSettings
{
    public string? Password { get; set; }
    public string? DisplayName { get; set; }
    public string? Role { get; set; }
    public string? WardCode { get; set; }
    public string? UnitCode { get; set; }
}
