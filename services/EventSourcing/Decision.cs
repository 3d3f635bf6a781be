namespace LearningWeek.EventSourcing;

/// <summary>
/// A broken business rule: the HTTP status (409 for a conflict with the current state, 422 for a
/// request the rules do not allow, 403 for a record the caller may not touch), a stable problem
/// type, a Vietnamese title and detail for people, the same detail in English for a client that asks
/// for it (<paramref name="EnglishDetail"/>), and the field it is about.
/// </summary>
public sealed record DomainError(int Status, string Type, string Title, string Detail, string EnglishDetail, string? Field = null)
{
    public static DomainError Conflict(string type, string title, string detail, string english, string? field = null) =>
        new(409, "urn:learningweek:problem:" + type, title, detail, english, field);

    public static DomainError Rule(string type, string title, string detail, string english, string? field = null) =>
        new(422, "urn:learningweek:problem:" + type, title, detail, english, field);

    /// <summary>Something the request names does not exist: 404.</summary>
    public static DomainError NotFound(string title, string detail, string english, string? field = null) =>
        new(404, "urn:learningweek:problem:not-found", title, detail, english, field);

    /// <summary>The caller may not act on this record (another unit's, another ward's): 403.</summary>
    public static DomainError Forbidden(string title, string detail, string english) =>
        new(403, "urn:learningweek:problem:forbidden", title, detail, english);
}

/// <summary>
/// What a pure decision returns: the events to append (possibly none), or a domain error.
/// Decisions never do I/O; the handler loads the state, decides, and appends.
/// </summary>
public readonly record struct Decision
{
    private Decision(IReadOnlyList<object> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    public IReadOnlyList<object> Events { get; }

    public DomainError? Error { get; }

    public bool Succeeded => Error is null;

    public static Decision Of(params object[] events) => new(events, null);

    public static Decision Of(IEnumerable<object> events) => new([.. events], null);

    public static Decision Fail(DomainError error) => new([], error);

    public static implicit operator Decision(DomainError error) => Fail(error);
}
