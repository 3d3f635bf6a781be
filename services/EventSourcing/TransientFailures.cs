using System.Net.Sockets;
using Npgsql;

namespace LearningWeek.EventSourcing;

/// <summary>
/// Which failures of a consumer pass by themselves: the database or the network away for a while,
/// a concurrent writer. A message that failed for one of these is retried, with back-off, for as
/// long as it takes; only one that can never succeed (a bug, bad data) goes to the <c>_error</c>
/// queue after a few tries.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception error) => Causes(error).Any(IsTransientItself);

    private static bool IsTransientItself(Exception error) => error switch
    {
        PostgresException postgres => postgres.IsTransient || IsTransientState(postgres.SqlState),
        NpgsqlException => true, // no answer from the server: connection refused, broken, timed out
        SocketException or TimeoutException or IOException => true,
        JasperFx.ConcurrencyException => true,
        InvalidOperationException when error.Message.Contains("connection", StringComparison.OrdinalIgnoreCase) => true,
        _ => false,
    };

    // 08 connection, 53 resources, 57 operator intervention (shutdown, cannot connect now),
    // 55000 "database is not currently accepting connections", 40 serialization failure or deadlock.
    private static bool IsTransientState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal)
        || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57", StringComparison.Ordinal)
        || state.StartsWith("40", StringComparison.Ordinal)
        || state == "55000";

    private static IEnumerable<Exception> Causes(Exception error)
    {
        var pending = new Stack<Exception>([error]);
        var seen = 0;
        while (pending.Count > 0 && seen++ < 32)
        {
            var current = pending.Pop();
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
