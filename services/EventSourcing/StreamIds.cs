using UUIDNext;

namespace LearningWeek.EventSourcing;

/// <summary>
/// Stream ids: new things get a time-ordered UUIDv7; things with a natural key (a unit's code, a
/// unit's plan for a plan) get a name-based UUIDv5 of it, so the same key always finds the same
/// stream and a second "create" meets the first.
/// </summary>
public static class StreamIds
{
    private static readonly Guid Namespace = new("6f1c2b0e-3d4a-5b6c-8d9e-0a1b2c3d4e5f");

    public static Guid New() => Guid.CreateVersion7();

    public static Guid For(string kind, params string[] naturalKey) =>
        Uuid.NewNameBased(Namespace, $"{kind}:{string.Join('/', naturalKey)}");
}
