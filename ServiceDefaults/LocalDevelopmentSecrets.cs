using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.ServiceDefaults;

/// <summary>
/// The repository ships local-development defaults (passwords and client secrets that start with
/// <c>local-</c>, for loopback servers started by <c>deploy/local</c>). A Production process
/// refuses to start with any of them.
/// </summary>
public static partial class LocalDevelopmentSecrets
{
    public const string Marker = "local-";

    public static void RefuseInProduction(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var offending = configuration.AsEnumerable()
            .Where(setting => setting.Value is not null && IsLocalDevelopmentSecret(setting.Key, setting.Value))
            .Select(setting => setting.Key)
            .ToList();
        if (offending.Count > 0)
        {
            throw new InvalidOperationException(
                $"Refusing to start in Production with local-development secrets in: {string.Join(", ", offending)}. " +
                "Configure real credentials (environment variables or a secret store).");
        }
    }

    public static bool IsLocalDevelopmentSecret(string key, string value)
    {
        if (key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
        {
            return ConnectionStringPassword().IsMatch(value);
        }

        var lastSegment = key[(key.LastIndexOf(':') + 1)..];
        return (lastSegment.EndsWith("Secret", StringComparison.OrdinalIgnoreCase)
                || lastSegment.EndsWith("Password", StringComparison.OrdinalIgnoreCase))
               && value.StartsWith(Marker, StringComparison.Ordinal);
    }

    // "Password=local-…" (ADO.NET) or "amqp://user:local-…@host" (URI user info).
    [GeneratedRegex(@"(?i)(password\s*=\s*local-|://[^:/@]+:local-[^@]*@)")]
    private static partial Regex ConnectionStringPassword();
}
