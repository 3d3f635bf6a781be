using System.Text.Json;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.Gateway.Identity.Staff;
using LearningWeek.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LearningWeek.Gateway.Identity;

/// <summary>
/// Prepares the issuer's store at start, before the server takes its first request: applies the
/// schema migrations; creates or updates the clients named in <c>Identity:Clients</c> (secrets
/// hashed by OpenIddict, never stored in clear) and deletes those removed from it; creates the
/// staff accounts named in <c>Identity:Users</c> when missing. In Production it refuses to start
/// while any client or account still has a local-development secret or password.
/// </summary>
public sealed partial class IssuerSetup(
    IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<IssuerSetup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await MigrateAsync(database, cancellationToken);

        var settings = configuration.GetSection(IdentitySettings.Section).Get<IssuerSettings>() ?? new IssuerSettings();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, client) in settings.Clients)
        {
            if (!await UpsertClientAsync(applications, clientId, client, cancellationToken))
            {
                LogTakenOver(logger, clientId);
            }
        }

        var removed = await DeleteRemovedClientsAsync(applications, settings.Clients.Keys, cancellationToken);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var created = 0;
        foreach (var (userName, user) in settings.Users)
        {
            created += await CreateUserIfMissingAsync(users, userName, user, clock.GetUtcNow()) ? 1 : 0;
        }

        LogReady(logger, settings.Clients.Count, removed, created);

        if (environment.IsProduction())
        {
            await RefuseLocalDevelopmentAsync(database, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Applies the migrations. A database made before migrations existed (by EnsureCreated) holds
    /// only clients that configuration recreates: its schema is dropped and made again.
    /// </summary>
    private async Task MigrateAsync(GatewayDbContext database, CancellationToken cancellationToken)
    {
        var connection = database.Database.GetDbConnection();
        await database.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var probe = connection.CreateCommand();
            probe.CommandText =
                "SELECT to_regclass('public.\"__EFMigrationsHistory\"') IS NULL AND to_regclass('identity.\"OpenIddictApplications\"') IS NOT NULL";
            if (await probe.ExecuteScalarAsync(cancellationToken) is true)
            {
                LogUnmigratedSchema(logger);
                await using var drop = connection.CreateCommand();
                drop.CommandText = "DROP SCHEMA identity CASCADE";
                await drop.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await database.Database.CloseConnectionAsync();
        }

        await database.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Creates or updates a configured client; false when the application owns it now and it is left alone.</summary>
    private static async Task<bool> UpsertClientAsync(
        IOpenIddictApplicationManager applications, string clientId, ClientSettings client, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(client.Secret)
            || (!client.IsInteractive && (client.Role is null || !Roles.All.Contains(client.Role))))
        {
            throw new InvalidOperationException(
                $"Identity:Clients:{clientId} needs a Secret and either a Role ({string.Join(", ", Roles.All)}) or RedirectUris.");
        }

        var existing = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (existing is not null
            && ClientProfile.From(await applications.GetPropertiesAsync(existing, cancellationToken)).ManagedBy == ManagedByValues.Application)
        {
            return false; // a ward officer took it over (rotated its secret): configuration no longer resets it
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        if (existing is not null)
        {
            await applications.PopulateAsync(descriptor, existing, cancellationToken); // keeps the stored secret hash
        }

        var profile = new ClientProfile(
            client.IsInteractive ? "" : client.Role!,
            client.IsInteractive ? null : client.UnitCode ?? (client.Role == Roles.Unit ? clientId : null),
            client.WardCode,
            LocalDevelopment: client.Secret.StartsWith(LocalDevelopmentSecrets.Marker, StringComparison.Ordinal),
            ManagedByValues.Configuration,
            Disabled: existing is not null && ClientProfile.From(await applications.GetPropertiesAsync(existing, cancellationToken)).Disabled);

        descriptor.ClientId = clientId;
        descriptor.ClientType = ClientTypes.Confidential;
        descriptor.DisplayName = client.DisplayName ?? clientId;
        descriptor.Permissions.Clear();
        descriptor.RedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Clear();
        if (client.IsInteractive)
        {
            descriptor.ConsentType = ConsentTypes.Implicit; // the campaign's own application: no consent screen
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            ]);
            descriptor.Requirements.Clear();
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(client.RedirectUris);
            descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris);
        }
        else
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        }

        descriptor.Properties.Clear();
        profile.WriteTo(descriptor.Properties);

        if (existing is null)
        {
            descriptor.ClientSecret = client.Secret;
            await applications.CreateAsync(descriptor, cancellationToken);
            return true;
        }

        // Hashing is deliberately slow: only re-hash when the configured secret changed.
        if (!await applications.ValidateClientSecretAsync(existing, client.Secret, cancellationToken))
        {
            descriptor.ClientSecret = client.Secret;
        }

        await applications.UpdateAsync(existing, descriptor, cancellationToken);
        return true;
    }

    /// <summary>A client created from configuration and no longer in it is deleted: its secret stops working.</summary>
    private static async Task<int> DeleteRemovedClientsAsync(
        IOpenIddictApplicationManager applications, IEnumerable<string> configured, CancellationToken cancellationToken)
    {
        var keep = configured.ToHashSet(StringComparer.Ordinal);
        var removed = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var clientId = await applications.GetClientIdAsync(application, cancellationToken);
            var profile = ClientProfile.From(await applications.GetPropertiesAsync(application, cancellationToken));
            if (profile.ManagedBy == ManagedByValues.Configuration && clientId is not null && !keep.Contains(clientId))
            {
                removed.Add(application);
            }
        }

        foreach (var application in removed)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }

        return removed.Count;
    }

    private static async Task<bool> CreateUserIfMissingAsync(UserManager<StaffUser> users, string userName, UserSettings settings, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(settings.Password) || settings.Role is null || !Roles.All.Contains(settings.Role)
            || string.IsNullOrWhiteSpace(settings.DisplayName))
        {
            throw new InvalidOperationException(
                $"Identity:Users:{userName} needs a Password, a DisplayName and a Role ({string.Join(", ", Roles.All)}).");
        }

        if (await users.FindByNameAsync(userName) is not null)
        {
            return false; // a person's password is theirs once set: configuration does not reset it
        }

        var user = new StaffUser
        {
            UserName = userName,
            DisplayName = settings.DisplayName,
            Role = settings.Role,
            WardCode = settings.WardCode,
            UnitCode = settings.UnitCode,
            LocalDevelopment = settings.Password.StartsWith(LocalDevelopmentSecrets.Marker, StringComparison.Ordinal),
            ManagedBy = ManagedByValues.Configuration,
            CreatedAt = now,
            CreatedBy = "configuration",
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, settings.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Identity:Users:{userName} cannot be created: {string.Join(" ", result.Errors.Select(error => error.Description))}");
        }

        return true;
    }

    private static async Task RefuseLocalDevelopmentAsync(GatewayDbContext database, CancellationToken cancellationToken)
    {
        var clients = await database.Set<OpenIddictEntityFrameworkCoreApplication>()
            .Where(application => application.Properties != null && application.Properties.Contains(ClientProfile.LocalDevelopmentMarker))
            .Select(application => application.ClientId)
            .ToListAsync(cancellationToken);
        var users = await database.Users.Where(user => user.LocalDevelopment).Select(user => user.UserName).ToListAsync(cancellationToken);
        if (clients.Count > 0 || users.Count > 0)
        {
            throw new InvalidOperationException(
                "Refusing to start in Production: " +
                (clients.Count > 0 ? $"clients with local-development secrets exist ({string.Join(", ", clients)}). " : "") +
                (users.Count > 0 ? $"staff accounts with local-development passwords exist ({string.Join(", ", users)}). " : "") +
                "Delete them or give them real secrets.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Token issuer ready: {Count} configured clients created or updated, {Removed} removed clients deleted, {Created} staff accounts created")]
    private static partial void LogReady(ILogger logger, int count, int removed, int created);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Client {ClientId} is configured but managed in the application since its secret was rotated there: configuration leaves it as it is")]
    private static partial void LogTakenOver(ILogger logger, string clientId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The identity schema predates migrations: it is dropped and made again (configured clients are recreated)")]
    private static partial void LogUnmigratedSchema(ILogger logger);
}
