using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningWeek.ApiDefaults.Http;

/// <summary>
/// JSON of every API: camelCase, enums as kebab-case strings (<c>lower-secondary</c>), numbers only
/// as numbers, and an unknown field is an error rather than silently dropped data.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }
}
