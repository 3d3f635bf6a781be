namespace LearningWeek.ApiDefaults.Idempotency;

/// <summary>
/// The Idempotency-Key of the request being handled, visible to the store while the endpoint runs:
/// the transaction that stores the request's effect also stores the key's mark, so a retry after a
/// crash between the effect and the kept answer knows the effect happened and does not run it again.
/// </summary>
public sealed class IdempotencyScope
{
    private static readonly AsyncLocal<IdempotencyScope?> Ambient = new();
    private volatile bool _effectCommitted;

    private IdempotencyScope(string key) => Key = key;

    /// <summary>The request's key, scoped to its client.</summary>
    public string Key { get; }

    /// <summary>True once a transaction holding the request's effect (and the key's mark) has committed.</summary>
    public bool EffectCommitted => _effectCommitted;

    /// <summary>The scope of the request running on this flow, if it has an Idempotency-Key.</summary>
    public static IdempotencyScope? Current => Ambient.Value;

    /// <summary>Starts the scope of <paramref name="key"/> for the code that runs next on this flow.</summary>
    public static IdempotencyScope Begin(string key)
    {
        var scope = new IdempotencyScope(key);
        Ambient.Value = scope;
        return scope;
    }

    /// <summary>Ends the scope, so that the key's own bookkeeping is not taken for the effect.</summary>
    public static void End() => Ambient.Value = null;

    public void MarkEffectCommitted() => _effectCommitted = true;
}
