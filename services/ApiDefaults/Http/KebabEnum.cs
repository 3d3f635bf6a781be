using System.Text.Json;

namespace LearningWeek.ApiDefaults.Http;

/// <summary>Enum values as the API writes them (<c>lower-secondary</c>), read back from a query string.</summary>
public static class KebabEnum
{
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Name(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
