using System.Text.Json;
using LearningWeek.EventSourcing;
using Xunit;

namespace LearningWeek.Testing;

/// <summary>
/// Then-steps of Given/When/Then tests on pure decisions. Events are compared by type and by their
/// JSON (records holding lists do not compare by value).
/// </summary>
public static class DecisionAssert
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Emits(Decision decision, params object[] expected)
    {
        Assert.True(decision.Succeeded, $"Expected events, got {decision.Error}");
        Assert.Equal(expected.Select(Describe), decision.Events.Select(Describe));
    }

    public static T Emits<T>(Decision decision)
    {
        Assert.True(decision.Succeeded, $"Expected a {typeof(T).Name}, got {decision.Error}");
        return Assert.IsType<T>(Assert.Single(decision.Events));
    }

    public static void EmitsNothing(Decision decision)
    {
        Assert.True(decision.Succeeded, $"Expected no change, got {decision.Error}");
        Assert.Empty(decision.Events);
    }

    /// <summary>The decision refused, with this status and problem type (its last segment), naming this field.</summary>
    public static DomainError Fails(Decision decision, int status, string? type = null, string? field = null)
    {
        var error = Assert.IsType<DomainError>(decision.Error);
        Assert.Equal(status, error.Status);
        if (type is not null)
        {
            Assert.EndsWith(":" + type, error.Type);
        }

        if (field is not null)
        {
            Assert.Equal(field, error.Field);
        }

        Assert.Empty(decision.Events);
        return error;
    }

    private static string Describe(object e) => $"{e.GetType().Name} {JsonSerializer.Serialize(e, e.GetType(), Json)}";
}
