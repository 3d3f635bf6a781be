using Microsoft.AspNetCore.Http;

namespace LearningWeek.ApiDefaults.Problems;

/// <summary>
/// A problem's <c>detail</c> is Vietnamese, for the officials who read it; a client that asks for
/// English first (<c>Accept-Language: en</c>) gets the English detail when the problem has one.
/// The English text travels in an extension that is always removed before the problem is written.
/// </summary>
public static class ProblemLanguage
{
    /// <summary>The extension that carries the English detail to the writer; never sent.</summary>
    public const string EnglishDetailKey = "__detailEn";

    /// <summary>Extensions for a problem whose English detail is <paramref name="english"/>.</summary>
    public static Dictionary<string, object?> English(string english) => new() { [EnglishDetailKey] = english };

    /// <summary>True when the request ranks an English language above Vietnamese (or names English and not Vietnamese).</summary>
    public static bool PrefersEnglish(HttpRequest request)
    {
        var languages = request.GetTypedHeaders().AcceptLanguage;
        if (languages.Count == 0)
        {
            return false;
        }

        double Quality(string prefix) => languages
            .Where(language => language.Value.Value is { } tag && (tag.Equals(prefix, StringComparison.OrdinalIgnoreCase) || tag.StartsWith(prefix + "-", StringComparison.OrdinalIgnoreCase)))
            .Select(language => language.Quality ?? 1)
            .DefaultIfEmpty(0)
            .Max();

        var english = Quality("en");
        return english > 0 && english > Quality("vi");
    }

    internal static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.Remove(EnglishDetailKey, out var english))
        {
            return;
        }

        if (english is string text && PrefersEnglish(context.HttpContext.Request))
        {
            problem.Detail = text;
        }
    }
}
