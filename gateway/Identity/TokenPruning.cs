using OpenIddict.Abstractions;

namespace LearningWeek.Gateway.Identity;

/// <summary>
/// Deletes tokens and authorizations that expired or were revoked more than a day ago, every
/// hour: the issuer stores every token it issues (so a code is used once and a session can be
/// ended), and that table would otherwise only grow.
/// </summary>
public sealed partial class TokenPruning(IServiceProvider services, TimeProvider clock, ILogger<TokenPruning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var threshold = clock.GetUtcNow().AddDays(-1);
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                LogPruned(logger, tokens, authorizations);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailed(logger, error); // the next hour tries again
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} tokens and {Authorizations} authorizations")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning tokens failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
