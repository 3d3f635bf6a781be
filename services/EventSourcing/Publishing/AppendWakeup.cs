using JasperFx.Events.Daemon.HighWater;
using Marten;
using Marten.Events.Daemon.HighWater;
using Marten.Services;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>
/// Wakes the async daemon (and so the publisher) as soon as events are committed, without a
/// NOTIFY in every appending transaction. PostgreSQL serialises the commits of transactions that
/// NOTIFY (each holds one database-wide lock through its commit, WAL flush included), which capped
/// intake at about one report per disk flush. Instead:
/// <list type="bullet">
/// <item>a commit of this process that appended events wakes this process's daemon directly (<see cref="AppendedEventsListener"/>);</item>
/// <item>for the daemon of another replica, <see cref="AppendNotifier"/> sends one NOTIFY on Marten's
/// channel for all the commits of a short window, from a transaction of its own, and every replica
/// LISTENs there as before;</item>
/// <item>polling stays the safety net: nothing committed waits longer than the slow polling time.</item>
/// </list>
/// </summary>
public sealed class AppendWakeup(NpgsqlDataSource dataSource, ILogger<AppendWakeup> logger) : IDaemonWakeup
{
    /// <summary>
    /// The daemon looks for new events at most this often: under load every commit would wake it,
    /// and a look per commit would cost more than the commits; events wait at most this long.
    /// </summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMilliseconds(50);

    private readonly PostgresqlListenWakeup _otherReplicas = new(dataSource, logger);
    private readonly SemaphoreSlim _local = new(0);
    private long _lastWake;
    private int _disposed;

    /// <summary>Events of this process were committed: wake its daemon now.</summary>
    public void Pulse()
    {
        if (Volatile.Read(ref _disposed) == 0 && _local.CurrentCount == 0)
        {
            try
            {
                _local.Release();
            }
            catch (ObjectDisposedException)
            {
                // stopping
            }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        var sinceLast = System.Diagnostics.Stopwatch.GetElapsedTime(_lastWake);
        if (sinceLast < MinimumInterval)
        {
            await Task.Delay(MinimumInterval - sinceLast, token);
            timeout -= MinimumInterval - sinceLast;
        }

        try
        {
            await WaitForSignalAsync(timeout, token);
        }
        finally
        {
            _lastWake = System.Diagnostics.Stopwatch.GetTimestamp();
        }
    }

    private async Task WaitForSignalAsync(TimeSpan timeout, CancellationToken token)
    {
        if (timeout <= TimeSpan.Zero || _local.Wait(0, CancellationToken.None))
        {
            return; // committed while the daemon was busy: look again at once
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(token);
        var local = _local.WaitAsync(timeout, either.Token);
        var remote = _otherReplicas.WaitAsync(timeout, either.Token);
        await Task.WhenAny(local, remote);
        await either.CancelAsync();
        try
        {
            await Task.WhenAll(local, remote);
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            // the other wait, cut short
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _otherReplicas.Dispose();
            _local.Dispose();
        }
    }
}

/// <summary>After a commit that appended events: this process's daemon wakes, other replicas get a (shared) NOTIFY.</summary>
internal sealed class AppendedEventsListener(AppendWakeup wakeup, AppendNotifier notifier) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.GetEvents().Any())
        {
            wakeup.Pulse();
            notifier.Request();
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// One NOTIFY on Marten's append channel for all the commits of a window of
/// <see cref="Window"/>, so that the daemon of another replica wakes as it would with a NOTIFY per
/// commit, without the commits of the intake waiting for each other.
/// </summary>
public sealed partial class AppendNotifier(NpgsqlDataSource dataSource, ILogger<AppendNotifier> logger) : BackgroundService
{
    public static readonly TimeSpan Window = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _requested = new(0);

    public void Request()
    {
        if (_requested.CurrentCount == 0)
        {
            _requested.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await _requested.WaitAsync(stoppingToken);
                try
                {
                    await using var notify = dataSource.CreateCommand($"SELECT pg_notify('{PostgresqlListenWakeup.DefaultChannel}', '')");
                    await notify.ExecuteNonQueryAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    LogNotifyFailed(logger, e); // the other replicas poll meanwhile
                }

                await Task.Delay(Window, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _requested.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Notifying other replicas of appended events failed; they find them by polling")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception);
}
