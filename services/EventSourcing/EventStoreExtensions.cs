using JasperFx;
using JasperFx.OpenTelemetry;
using LearningWeek.ApiDefaults.Idempotency;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Weasel.Core;

namespace LearningWeek.EventSourcing;

public static class EventStoreExtensions
{
    /// <summary>
    /// The service's own Marten event and document store: its own database (the connection named
    /// <paramref name="connectionName"/>) and its own schema, created or updated at start.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddEventStore(
        this IHostApplicationBuilder builder,
        string connectionName,
        string schemaName,
        Action<StoreOptions>? configure = null)
    {
        RequiredConfiguration.ConnectionString(builder.Configuration, connectionName);

        // Aspire's data source brings Npgsql tracing and metrics; its health check is replaced by
        // one named and tagged like the others.
        // A connection goes back to the pool without DISCARD ALL: the services keep no session
        // state on pooled connections (Marten's daemon holds its advisory lock and its LISTEN on
        // connections of their own), and DISCARD ALL also threw away the plans PostgreSQL had
        // cached for Marten's append function, so every report planned it anew.
        builder.AddNpgsqlDataSource(connectionName, settings => settings.DisableHealthChecks = true,
            dataSource => dataSource.ConnectionStringBuilder.NoResetOnClose = true);
        builder.Services.AddHealthChecks().AddNpgSql(
            sp => sp.GetRequiredService<NpgsqlDataSource>(),
            name: "postgres",
            tags: [ServiceDefaultsExtensions.ReadyTag],
            timeout: TimeSpan.FromSeconds(5));

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IIdempotencyStore, MartenIdempotencyStore>();
        builder.Services.AddHostedService<RetentionPruner>();
        builder.Services.ConfigureMarten((services, options) => options.Listeners.Add(new IdempotencyEffectListener(services.GetRequiredService<TimeProvider>())));

        return builder.Services
            .AddMarten(options =>
            {
                options.DatabaseSchemaName = schemaName;
                options.Events.DatabaseSchemaName = schemaName;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
                options.OpenTelemetry.TrackEventCounters();
                // Indexed by the date each is pruned by (RetentionPruner).
                options.Schema.For<ProcessedMessage>().Identity(message => message.Id).Index(message => message.ProcessedAt);
                options.Schema.For<Following.FeedCursor>().Identity(cursor => cursor.Id);
                // Versioned, so that a takeover is conditional.
                options.Schema.For<IdempotencyRecord>().Identity(record => record.Id).UseOptimisticConcurrency(true).Index(record => record.ExpiresAt);
                options.Schema.For<IdempotencyEffect>().Identity(effect => effect.Id).Index(effect => effect.CommittedAt);
                configure?.Invoke(options);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
    }
}
