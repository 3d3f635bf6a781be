using JasperFx;
using LearningWeek.EventSourcing;
using LearningWeek.Testing;
using Marten;

namespace LearningWeek.Shared.Tests;

public sealed class InboxTests : IAsyncLifetime
{
    private TestServers _servers = null!;
    private string _database = "";
    private DocumentStore _store = null!;

    [Fact]
    public async Task A_message_recorded_once_is_known_as_processed()
    {
        var messageId = Guid.NewGuid();
        await using (var session = _store.LightweightSession())
        {
            session.RecordProcessed("obligations", messageId, DateTimeOffset.UtcNow);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var query = _store.QuerySession();
        Assert.True(await query.HasProcessedAsync("obligations", messageId, CancellationToken.None));
        Assert.False(await query.HasProcessedAsync("funds", messageId, CancellationToken.None));
    }

    [Fact]
    public async Task A_redelivered_message_fails_its_whole_transaction_so_its_effects_are_not_stored_twice()
    {
        var messageId = Guid.NewGuid();
        var effect = new Effect(Guid.NewGuid());
        await using (var first = _store.LightweightSession())
        {
            first.RecordProcessed("obligations", messageId, DateTimeOffset.UtcNow);
            first.Insert(effect);
            await first.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var redelivery = _store.LightweightSession())
        {
            redelivery.RecordProcessed("obligations", messageId, DateTimeOffset.UtcNow);
            redelivery.Insert(new Effect(Guid.NewGuid()));
            await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => redelivery.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        await using var query = _store.QuerySession();
        Assert.Equal(1, await query.Query<Effect>().CountAsync(token: TestContext.Current.CancellationToken));
    }

    public async ValueTask InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _database = await _servers.CreateDatabaseAsync("inbox");
        _store = DocumentStore.For(options =>
        {
            options.Connection(_database);
            options.DatabaseSchemaName = "inbox";
            options.Schema.For<ProcessedMessage>().Identity(message => message.Id);
        });
    }

    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _servers.DropDatabaseAsync(_database);
    }

    public sealed record Effect(Guid Id);
}
