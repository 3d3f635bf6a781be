using System.Text.Json;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LearningWeek.Gateway.Identity;

/// <summary>
/// Prepares the issuer's store at start: creates the schema, then creates or updates the clients
/// named in <c>Identity:Clients</c> (secrets are hashed by OpenIddict, never stored in clear). In
/// Production it refuses to start while any client still has a local-development secret.
/// It runs as a hosted service, so it completes before the server takes its first request.
/// </summary>
public sealed partial class ClientRegistry(
    IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<ClientRegistry> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await database.Database.EnsureCreatedAsync(cancellationToken);

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var settings = configuration.GetSection(IdentitySettings.Section).Get<IssuerSettings>() ?? new IssuerSettings();
        foreach (var (clientId, client) in settings.Clients)
        {
            await UpsertAsync(applications, clientId, client);
        }

        LogClients(logger, settings.Clients.Count);

        if (environment.IsProduction())
        {
            var local = await database.Set<OpenIddictEntityFrameworkCoreApplication>()
                .Where(application => application.Properties != null && application.Properties.Contains(ClientProfile.LocalDevelopmentMarker))
                .Select(application => application.ClientId)
                .ToListAsync(cancellationToken);
            if (local.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Refusing to start in Production: clients with local-development secrets exist ({string.Join(", ", local)}). " +
                    "Delete them or give them real secrets.");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, string clientId, ClientSettings client)
    {
        if (string.IsNullOrWhiteSpace(client.Secret) || client.Role is null || !Roles.All.Contains(client.Role))
        {
            throw new InvalidOperationException(
                $"Identity:Clients:{clientId} needs a Secret and a Role ({string.Join(", ", Roles.All)}).");
        }

        var profile = new ClientProfile(
            client.Role,
            client.UnitCode ?? (client.Role == Roles.Unit ? clientId : null),
            client.WardCode,
            LocalDevelopment: client.Secret.StartsWith(LocalDevelopmentSecrets.Marker, StringComparison.Ordinal));

        var existing = await applications.FindByClientIdAsync(clientId);
        var descriptor = new OpenIddictApplicationDescriptor();
        if (existing is not null)
        {
            await applications.PopulateAsync(descriptor, existing); // keeps the stored secret hash
        }

        descriptor.ClientId = clientId;
        descriptor.ClientType = ClientTypes.Confidential;
        descriptor.DisplayName = client.DisplayName ?? clientId;
        descriptor.Permissions.Clear();
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        var properties = new Dictionary<string, JsonElement>();
        profile.WriteTo(properties);
        foreach (var (name, value) in properties)
        {
            descriptor.Properties[name] = value;
        }

        if (existing is null)
        {
            descriptor.ClientSecret = client.Secret;
            await applications.CreateAsync(descriptor);
            return;
        }

        // Hashing is deliberately slow: only re-hash when the configured secret changed.
        if (!await applications.ValidateClientSecretAsync(existing, client.Secret))
        {
            descriptor.ClientSecret = client.Secret;
        }

        await applications.UpdateAsync(existing, descriptor);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Token issuer ready: {Count} configured clients created or updated")]
    private static partial void LogClients(ILogger logger, int count);
}
