namespace LearningWeek.ApiDefaults.Validation;

/// <summary>Field names as the client wrote them: camelCase JSON paths.</summary>
public static class JsonPath
{
    /// <summary><c>Period.Start</c> → <c>period.start</c>; <c>Items[0].LineCode</c> → <c>items[0].lineCode</c>.</summary>
    public static string FromPropertyPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.', StringSplitOptions.RemoveEmptyEntries).Select(Camel));

    /// <summary>System.Text.Json's <c>$.period.start</c> → <c>period.start</c>.</summary>
    public static string FromJsonExceptionPath(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');

    private static string Camel(string segment) =>
        segment.Length == 0 || char.IsLower(segment[0]) ? segment : char.ToLowerInvariant(segment[0]) + segment[1..];
}
