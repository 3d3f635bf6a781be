using Marten;
using Npgsql;

namespace LearningWeek.EventSourcing;

public static class StreamLocks
{
    /// <summary>
    /// Starts the session's transaction and holds a share lock on the row of stream
    /// <paramref name="streamId"/> (if it exists) until the transaction ends. A decision that reads
    /// that stream's state after this sees every append committed before it, and no append can
    /// commit until the decision's own transaction does: appending locks the row for update. Many
    /// holders share the lock, so they do not wait for each other.
    /// </summary>
    public static async Task HoldStreamAsync(this IDocumentSession session, Guid streamId, CancellationToken cancellationToken)
    {
        await session.BeginTransactionAsync(cancellationToken);
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        await using var command = new NpgsqlCommand($"select 1 from {schema}.mt_streams where id = $1 for share", session.Connection)
        {
            Parameters = { new NpgsqlParameter { Value = streamId } },
        };
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
