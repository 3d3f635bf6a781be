using Marten;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>
/// Marten wakes its daemon on LISTEN/NOTIFY through a connection of its own, which it never
/// closes when the host stops (the wakeup is not disposed). Where a host stops and the process
/// goes on (test hosts, a restarted host), that connection and its receive loop would stay
/// behind, holding the database open; so it is disposed once the host has stopped, after the daemon.
/// </summary>
internal sealed class DaemonWakeupRelease(IDocumentStore store, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(() => ((store as DocumentStore)?.Options.Projections.Wakeup as IDisposable)?.Dispose());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
