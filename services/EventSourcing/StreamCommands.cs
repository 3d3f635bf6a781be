using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Problems;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningWeek.EventSourcing;

/// <summary>How a command on an existing stream went.</summary>
public abstract record CommandOutcome<TState>
{
    private CommandOutcome()
    {
    }

    /// <summary>Applied: the state and version after the new events.</summary>
    public sealed record Applied(TState State, long Version) : CommandOutcome<TState>;

    public sealed record NotFound : CommandOutcome<TState>;

    public sealed record Rejected(DomainError Error) : CommandOutcome<TState>;

    /// <summary>The stream is not at the version the client's If-Match named (412), or moved under us (409).</summary>
    public sealed record VersionMismatch(bool ClientExpectedVersion) : CommandOutcome<TState>;
}

/// <summary>
/// The one way commands change a stream: load the state (at the version the client saw, when it
/// sent If-Match), decide purely, append with optimistic concurrency, save. A stale If-Match is
/// 412; a stream changed between read and write without If-Match is 409.
/// </summary>
public static class StreamCommands
{
    public static async Task<CommandOutcome<TState>> DecideAsync<TState>(
        this IDocumentSession session, Guid streamId, long? expectedVersion, Func<TState, Decision> decide, CancellationToken cancellationToken)
        where TState : class
    {
        try
        {
            var stream = expectedVersion is { } version
                ? await session.Events.FetchForWriting<TState>(streamId, version, cancellationToken)
                : await session.Events.FetchForWriting<TState>(streamId, cancellationToken);
            if (stream.Aggregate is null)
            {
                return new CommandOutcome<TState>.NotFound();
            }

            var decision = decide(stream.Aggregate);
            if (decision.Error is { } error)
            {
                return new CommandOutcome<TState>.Rejected(error);
            }

            if (decision.Events.Count == 0)
            {
                return new CommandOutcome<TState>.Applied(stream.Aggregate, stream.CurrentVersion ?? 0);
            }

            var newVersion = (stream.CurrentVersion ?? 0) + decision.Events.Count;
            stream.AppendMany(decision.Events);
            var appended = session.PendingChanges.Streams().Single(action => action.Id == streamId).Events.ToList();
            await session.SaveChangesAsync(cancellationToken);
            return new CommandOutcome<TState>.Applied(await ProjectAsync(session, appended, stream.Aggregate, cancellationToken), newVersion);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return new CommandOutcome<TState>.VersionMismatch(expectedVersion is not null);
        }
    }

    /// <summary>Starts a new stream with the decision's events; a stream that already exists is a conflict.</summary>
    public static async Task<CommandOutcome<TState>> StartAsync<TState>(
        this IDocumentSession session, Guid streamId, Decision decision, CancellationToken cancellationToken)
        where TState : class
    {
        if (decision.Error is { } error)
        {
            return new CommandOutcome<TState>.Rejected(error);
        }

        IReadOnlyList<JasperFx.Events.IEvent> started;
        try
        {
            started = session.Events.StartStream<TState>(streamId, decision.Events.ToArray()).Events.ToList();
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception collision) when (collision is JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            return new CommandOutcome<TState>.VersionMismatch(ClientExpectedVersion: false);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return new CommandOutcome<TState>.VersionMismatch(ClientExpectedVersion: false);
        }

        return new CommandOutcome<TState>.Applied(await ProjectAsync<TState>(session, started, snapshot: null, cancellationToken), decision.Events.Count);
    }

    /// <summary>
    /// Starts several new streams in one transaction: all of them or none. Null when one of them
    /// was started meanwhile by another request (then nothing is stored).
    /// </summary>
    public static async Task<IReadOnlyList<TState>?> StartAllAsync<TState>(
        this IDocumentSession session, IReadOnlyList<(Guid StreamId, Decision Decision)> streams, CancellationToken cancellationToken)
        where TState : class
    {
        var started = new List<IReadOnlyList<JasperFx.Events.IEvent>>(streams.Count);
        foreach (var (streamId, decision) in streams)
        {
            started.Add([.. session.Events.StartStream<TState>(streamId, decision.Events.ToArray()).Events]);
        }

        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception collision) when (collision is JasperFx.Events.ExistingStreamIdCollisionException
            or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.ConcurrencyException)
        {
            return null;
        }

        var states = new List<TState>(started.Count);
        foreach (var events in started)
        {
            states.Add(await ProjectAsync<TState>(session, events, snapshot: null, cancellationToken));
        }

        return states;
    }

    /// <summary>
    /// The state after the events just committed, applied in memory as the inline projection
    /// applied them in the same transaction: no second round trip to read back what was written.
    /// </summary>
    private static async Task<TState> ProjectAsync<TState>(
        IDocumentSession session, IReadOnlyList<JasperFx.Events.IEvent> events, TState? snapshot, CancellationToken cancellationToken)
        where TState : class
    {
        var aggregator = ((Marten.Internal.IMartenSession)session).Options.Projections.AggregatorFor<TState>();
        return await aggregator.BuildAsync(events, session, snapshot, cancellationToken)
            ?? throw new InvalidOperationException($"The events of a {typeof(TState).Name} stream produced no state.");
    }
}

/// <summary>HTTP answers for command outcomes and domain errors, the same in every service.</summary>
public static class CommandResults
{
    public static ProblemHttpResult ToProblem(this DomainError error)
    {
        var extensions = ProblemLanguage.English(error.EnglishDetail);
        if (error.Field is not null)
        {
            // The field's message is the rule in Vietnamese, as a form shows it beside the field.
            extensions["errors"] = new Dictionary<string, string[]> { [error.Field] = [error.Title] };
        }

        return TypedResults.Problem(detail: error.Detail, statusCode: error.Status, title: error.Title, type: error.Type, extensions: extensions);
    }

    public static ProblemHttpResult VersionProblem(bool clientExpectedVersion) => clientExpectedVersion
        ? TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            type: ApiDefaults.Problems.ProblemTypes.PreconditionFailed,
            title: "Dữ liệu đã bị thay đổi (If-Match không khớp)",
            detail: "Dữ liệu đã thay đổi kể từ phiên bản ghi trong If-Match. Hãy tải lại (GET) và gửi lại với ETag mới.",
            extensions: ProblemLanguage.English("The resource changed since the version in If-Match. Read it again (GET) and retry with its new ETag."))
        : TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            type: ApiDefaults.Problems.ProblemTypes.Conflict,
            title: "Dữ liệu vừa bị thay đổi bởi yêu cầu khác",
            detail: "Một thay đổi khác vừa được lưu cùng lúc. Hãy tải lại dữ liệu và thử lại.",
            extensions: ProblemLanguage.English("Another change was saved at the same time. Read the resource again and retry."));

    /// <summary>
    /// A full replacement or a submission without If-Match: 428. Without the version the client saw,
    /// a stale copy would silently overwrite a newer one.
    /// </summary>
    public static ProblemHttpResult IfMatchRequired() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status428PreconditionRequired,
            type: ApiDefaults.Problems.ProblemTypes.PreconditionRequired,
            title: "Cần tiêu đề If-Match",
            detail: "Thao tác này thay toàn bộ nội dung hoặc nộp văn bản: hãy gửi kèm If-Match với ETag nhận được khi đọc (GET).",
            extensions: ProblemLanguage.English("This replaces the whole resource or submits it: send If-Match with the ETag from your last read (GET)."));

    /// <summary>True when the request carries no If-Match at all.</summary>
    public static bool LacksIfMatch(this HttpRequest request) => string.IsNullOrWhiteSpace(request.Headers.IfMatch.ToString());

    public static ValidationProblem BadIfMatch() =>
        ApiDefaults.Validation.Problems.ValidationProblem(new Dictionary<string, string[]>
        {
            ["If-Match"] = ["ETag không hợp lệ; dùng đúng giá trị ETag nhận được, ví dụ \"3\"."],
        });

    /// <summary>Sets the ETag header of a response to the stream's version.</summary>
    public static void SetETag(this HttpResponse response, long version) => response.Headers.ETag = ETags.For(version);
}
