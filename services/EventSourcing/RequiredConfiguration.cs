using Microsoft.Extensions.Configuration;

namespace LearningWeek.EventSourcing;

internal static class RequiredConfiguration
{
    /// <summary>A missing connection string stops the process at once with a message that says what to set.</summary>
    public static string ConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"The connection string '{name}' is not configured. Set ConnectionStrings__{name} " +
                "(the AppHost does this; for a local run see deploy/local/infra.sh env).");

    /// <summary>A missing setting stops what needs it with a message that names it.</summary>
    public static string Value(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The setting '{key}' is not configured. Set {key.Replace(":", "__", StringComparison.Ordinal)}.");
}
