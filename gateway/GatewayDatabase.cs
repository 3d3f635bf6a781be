using Npgsql;

namespace LearningWeek.Gateway;

internal static class GatewayDatabase
{
    public const string ConnectionName = "gatewaydb";

    /// <summary>The gateway's own database (clients of the token issuer, idempotency records).</summary>
    public static IHostApplicationBuilder AddGatewayDatabase(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration.GetConnectionString(ConnectionName)))
        {
            throw new InvalidOperationException(
                $"The connection string '{ConnectionName}' is not configured. Set ConnectionStrings__{ConnectionName} " +
                "(the AppHost does this; for a local run see deploy/local/infra.sh env).");
        }

        builder.AddNpgsqlDataSource(ConnectionName, settings => settings.DisableHealthChecks = true);
        builder.Services.AddHealthChecks().AddNpgSql(
            sp => sp.GetRequiredService<NpgsqlDataSource>(),
            name: "postgres",
            tags: [ServiceDefaultsExtensions.ReadyTag],
            timeout: TimeSpan.FromSeconds(5));
        return builder;
    }
}
