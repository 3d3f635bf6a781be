using System.Linq.Expressions;
using LearningWeek.ApiDefaults.Idempotency;
using LearningWeek.EventSourcing;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LearningWeek.Shared.Tests;

/// <summary>What is kept only for a while is pruned, and pruning reads only what it deletes.</summary>
public sealed class RetentionTests(ProbeHost probe) : IClassFixture<ProbeHost>
{
    [Fact]
    public async Task Inbox_records_older_than_a_month_and_expired_idempotency_records_are_pruned_and_nothing_newer()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var now = clock.Now;
        var options = Microsoft.Extensions.Options.Options.Create(new IdempotencyOptions());
        var (oldMessage, recentMessage) = (Guid.NewGuid(), Guid.NewGuid());
        var (expiredKey, liveKey) = ($"probe|{Guid.NewGuid()}", $"probe|{Guid.NewGuid()}");
        await using (var session = probe.Store.LightweightSession())
        {
            session.RecordProcessed("retention", oldMessage, now - RetentionPruner.InboxRetention - TimeSpan.FromMinutes(1));
            session.RecordProcessed("retention", recentMessage, now - RetentionPruner.InboxRetention + TimeSpan.FromMinutes(1));
            session.Insert(new IdempotencyRecord(expiredKey, "f", now - TimeSpan.FromDays(2), now - TimeSpan.FromDays(1), null));
            session.Insert(new IdempotencyEffect(expiredKey, now - TimeSpan.FromDays(2)));
            session.Insert(new IdempotencyRecord(liveKey, "f", now - TimeSpan.FromHours(1), now + TimeSpan.FromHours(23), null));
            session.Insert(new IdempotencyEffect(liveKey, now - TimeSpan.FromHours(1)));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await new RetentionPruner(probe.Store, clock, options, NullLogger<RetentionPruner>.Instance).PruneAsync(TestContext.Current.CancellationToken);

        await using var query = probe.Store.QuerySession();
        Assert.False(await query.HasProcessedAsync("retention", oldMessage, TestContext.Current.CancellationToken));
        Assert.True(await query.HasProcessedAsync("retention", recentMessage, TestContext.Current.CancellationToken));
        Assert.Null(await query.LoadAsync<IdempotencyRecord>(expiredKey, TestContext.Current.CancellationToken));
        Assert.Null(await query.LoadAsync<IdempotencyEffect>(expiredKey, TestContext.Current.CancellationToken));
        Assert.NotNull(await query.LoadAsync<IdempotencyRecord>(liveKey, TestContext.Current.CancellationToken));
        Assert.NotNull(await query.LoadAsync<IdempotencyEffect>(liveKey, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Each_pruned_kind_is_found_by_an_index_on_its_date()
    {
        var before = DateTimeOffset.UtcNow;

        Assert.DoesNotContain("Seq Scan", await PlanOf<ProcessedMessage>(message => message.ProcessedAt < before));
        Assert.DoesNotContain("Seq Scan", await PlanOf<IdempotencyRecord>(record => record.ExpiresAt < before));
        Assert.DoesNotContain("Seq Scan", await PlanOf<IdempotencyEffect>(effect => effect.CommittedAt < before));
    }

    /// <summary>PostgreSQL's plan for the rows the pruner deletes, with sequential scans priced out where an index can serve.</summary>
    private async Task<string> PlanOf<T>(Expression<Func<T, bool>> pruned) where T : notnull
    {
        await using var query = probe.Store.QuerySession();
        var command = query.Query<T>().Where(pruned).ToCommand();
        await using var connection = new NpgsqlConnection(probe.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var noSeqScan = new NpgsqlCommand("set enable_seqscan = off", connection))
        {
            await noSeqScan.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        command.Connection = connection;
        command.CommandText = "explain " + command.CommandText;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            plan.Add(reader.GetString(0));
        }

        return string.Join('\n', plan);
    }
}
