namespace LearningWeek.ApiDefaults.Idempotency;

/// <summary>The response to a creating request, kept to be replayed for a repeated Idempotency-Key.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, string? ETag, byte[] Body);

/// <summary>What the store knows of a key when a request with it arrives.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>First time: this request now owns the key and must complete or abandon it.</summary>
    public sealed record Acquired : IdempotencyClaim;

    /// <summary>Done before with the same request: replay this response.</summary>
    public sealed record Completed(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The same request is being processed right now by another call.</summary>
    public sealed record InProgress : IdempotencyClaim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : IdempotencyClaim;

    /// <summary>
    /// The request's effect was stored, but its process died before the answer was kept: the
    /// effect must not run again, and the answer cannot be given.
    /// </summary>
    public sealed record AnswerLost : IdempotencyClaim;
}

/// <summary>
/// Where a service keeps its idempotency records (its own database). Keys are scoped per client;
/// a record lives for <see cref="IdempotencyOptions.Retention"/>.
/// </summary>
public interface IIdempotencyStore
{
    Task<IdempotencyClaim> ClaimAsync(string scopedKey, string fingerprint, CancellationToken cancellationToken);

    Task CompleteAsync(string scopedKey, StoredResponse response, CancellationToken cancellationToken);

    /// <summary>Forgets a key whose request had no effect and no final answer, so the client may retry with it.</summary>
    Task AbandonAsync(string scopedKey, CancellationToken cancellationToken);
}

public sealed class IdempotencyOptions
{
    /// <summary>How long a key is remembered (the IETF draft leaves it to the server; documented in the README).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a duplicate waits for the first request to finish before it gets 409.</summary>
    public TimeSpan WaitForInProgress { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An unfinished record older than this belongs to a process that died: it may be taken over.</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(2);
}
