using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace LearningWeek.ApiDefaults.Http;

/// <summary>
/// A stream's version as its ETag (<c>"7"</c>) and a client's <c>If-Match</c> as the version it
/// expects: a change is applied only to the version the client last saw.
/// </summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The expected version from <c>If-Match</c>; null when absent; false when unreadable.</summary>
    public static bool TryReadIfMatch(HttpRequest request, out long? expectedVersion)
    {
        expectedVersion = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"'
            && long.TryParse(value[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expectedVersion = version;
            return true;
        }

        return false;
    }
}
