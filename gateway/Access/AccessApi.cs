using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Problems;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.Gateway.Identity;
using LearningWeek.Gateway.Identity.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LearningWeek.Gateway.Access;

/// <summary>
/// <c>/api/access</c>: a ward officer manages who may act for its ward: the staff accounts of
/// people (create, disable, enable) and the API clients of its units (create, disable, enable,
/// rotate the secret). Secrets and first passwords are shown once, in the answer that made them;
/// only their hashes are kept. A disabled account or client gets no further token from that moment.
/// </summary>
public static partial class AccessApi
{
    public const string Prefix = "/api/access";

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder endpoints)
    {
        var access = endpoints.MapGroup(Prefix).RequireAuthorization(Policies.WardOfficer).WithTags("Access");
        access.MapGet("/users", ListUsers).WithName("ListStaffAccounts").WithSummary("Staff accounts of the caller's ward");
        access.MapPost("/users", CreateUser).Validates<CreateStaffAccount>()
            .WithName("CreateStaffAccount").WithSummary("A staff account of the caller's ward; its first password is in the answer, once");
        access.MapPost("/users/{userName}/disable", (string userName, ClaimsPrincipal user, UserManager<StaffUser> users, TimeProvider clock) =>
                SetUserDisabled(userName, true, user, users, clock))
            .WithName("DisableStaffAccount").WithSummary("The person can no longer sign in, nor refresh a session");
        access.MapPost("/users/{userName}/enable", (string userName, ClaimsPrincipal user, UserManager<StaffUser> users, TimeProvider clock) =>
                SetUserDisabled(userName, false, user, users, clock))
            .WithName("EnableStaffAccount").WithSummary("The person can sign in again (a lockout is lifted too)");

        access.MapPost("/users/{userName}/reset-password", ResetPassword)
            .WithName("ResetStaffPassword").WithSummary("A new first password for a person who lost theirs, shown once; the old one stops working and the session ends");

        access.MapGet("/clients", ListClients).WithName("ListUnitClients").WithSummary("API clients of the units of the caller's ward");
        access.MapPost("/clients", CreateClient).Validates<CreateUnitClient>()
            .WithName("CreateUnitClient").WithSummary("An API client for a unit's system; its secret is in the answer, once");
        access.MapPost("/clients/batch", CreateClients).Validates<CreateUnitClients>()
            .WithName("CreateUnitClients")
            .WithSummary($"API clients for up to {CreateUnitClients.MaxUnits} units at once (a city provisioning its schools); their secrets are in the answer, once");
        access.MapPost("/clients/{clientId}/rotate", RotateClient)
            .WithName("RotateUnitClientSecret").WithSummary("A new secret for the client; the old one stops working at once");
        access.MapPost("/clients/{clientId}/disable", (string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken) =>
                SetClientDisabled(clientId, true, user, applications, cancellationToken))
            .WithName("DisableUnitClient").WithSummary("The client gets no further token");
        access.MapPost("/clients/{clientId}/enable", (string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken) =>
                SetClientDisabled(clientId, false, user, applications, cancellationToken))
            .WithName("EnableUnitClient").WithSummary("The client gets tokens again");
        return endpoints;
    }

    private static async Task<Ok<IReadOnlyList<StaffAccountResponse>>> ListUsers(
        ClaimsPrincipal user, GatewayDbContext database, TimeProvider clock, CancellationToken cancellationToken)
    {
        var ward = user.Caller().WardCode;
        var accounts = await database.Users.AsNoTracking()
            .Where(account => account.WardCode == ward)
            .OrderBy(account => account.UnitCode).ThenBy(account => account.UserName)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<StaffAccountResponse>>([.. accounts.Select(account => StaffAccountResponse.From(account, now))]);
    }

    private static async Task<Results<Created<StaffAccountCreated>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateStaffAccount request, ClaimsPrincipal user, UserManager<StaffUser> users, UnitDirectory units, HttpContext http, TimeProvider clock)
    {
        var caller = user.Caller();
        if (request.Role == Roles.Unit && !await units.IsUnitOfCallersWardAsync(request.UnitCode!, http))
        {
            return UnknownUnit(request.UnitCode!);
        }

        var account = new StaffUser
        {
            UserName = request.UserName!,
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role!,
            WardCode = caller.WardCode,
            UnitCode = request.Role == Roles.Unit ? request.UnitCode : null,
            ManagedBy = ManagedByValues.Application,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = caller.Actor,
            LockoutEnabled = true,
        };
        var password = Secrets.NewPassword();
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                ? Conflict($"Tên đăng nhập {request.UserName} đã có người dùng.")
                : Problems.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["userName"] = [.. result.Errors.Select(error => error.Description)],
                });
        }

        LogAccountCreated(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessApi)), account.UserName, caller.Actor);
        return TypedResults.Created($"{Prefix}/users/{account.UserName}",
            new StaffAccountCreated(StaffAccountResponse.From(account, clock.GetUtcNow()), password));
    }

    private static async Task<Results<Ok<StaffAccountResponse>, ProblemHttpResult>> SetUserDisabled(
        string userName, bool disabled, ClaimsPrincipal user, UserManager<StaffUser> users, TimeProvider clock)
    {
        var caller = user.Caller();
        var account = await users.FindByNameAsync(userName);
        if (account is null || account.WardCode != caller.WardCode)
        {
            return NotFound($"Không có tài khoản {userName} của phường.");
        }

        if (disabled && account.UserName == caller.Person)
        {
            return Conflict("Không thể tự vô hiệu hoá tài khoản của chính mình.");
        }

        account.Disabled = disabled;
        if (!disabled)
        {
            account.LockoutEnd = null;
            account.AccessFailedCount = 0;
        }

        await users.UpdateAsync(account);
        await users.UpdateSecurityStampAsync(account); // ends the person's session at the issuer too
        return TypedResults.Ok(StaffAccountResponse.From(account, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<StaffAccountCreated>, ProblemHttpResult>> ResetPassword(
        string userName, ClaimsPrincipal user, UserManager<StaffUser> users, TimeProvider clock)
    {
        var account = await users.FindByNameAsync(userName);
        if (account is null || account.WardCode != user.Caller().WardCode)
        {
            return NotFound($"Không có tài khoản {userName} của phường.");
        }

        var password = Secrets.NewPassword();
        await users.RemovePasswordAsync(account);
        var added = await users.AddPasswordAsync(account, password);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException("A generated password was refused: " + string.Join(" ", added.Errors.Select(error => error.Code)));
        }

        account.LocalDevelopment = false;
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await users.UpdateAsync(account);
        await users.UpdateSecurityStampAsync(account);
        return TypedResults.Ok(new StaffAccountCreated(StaffAccountResponse.From(account, clock.GetUtcNow()), password));
    }

    private static async Task<Ok<IReadOnlyList<UnitClientResponse>>> ListClients(
        ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var ward = user.Caller().WardCode;
        var clients = new List<UnitClientResponse>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var profile = ClientProfile.From(await applications.GetPropertiesAsync(application, cancellationToken));
            if (profile.Role == Roles.Unit && profile.WardCode == ward)
            {
                clients.Add(UnitClientResponse.From(
                    (await applications.GetClientIdAsync(application, cancellationToken))!,
                    await applications.GetDisplayNameAsync(application, cancellationToken), profile));
            }
        }

        return TypedResults.Ok<IReadOnlyList<UnitClientResponse>>([.. clients.OrderBy(client => client.ClientId, StringComparer.Ordinal)]);
    }

    private static async Task<Results<Created<ClientSecretIssued>, ValidationProblem, ProblemHttpResult>> CreateClient(
        CreateUnitClient request, ClaimsPrincipal user, IOpenIddictApplicationManager applications, UnitDirectory units, HttpContext http,
        CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        if (!await units.IsUnitOfCallersWardAsync(request.UnitCode!, http))
        {
            return UnknownUnit(request.UnitCode!);
        }

        var clientId = request.UnitCode!;
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not null)
        {
            return Conflict($"Đơn vị {clientId} đã có mã truy cập API; hãy cấp lại khoá bí mật nếu cần.");
        }

        var (profile, descriptor) = NewUnitClient(clientId, request.DisplayName, caller.WardCode);
        await applications.CreateAsync(descriptor, cancellationToken);
        return TypedResults.Created($"{Prefix}/clients/{clientId}",
            new ClientSecretIssued(UnitClientResponse.From(clientId, descriptor.DisplayName, profile), descriptor.ClientSecret!));
    }

    /// <summary>
    /// A client for each unit named that has none yet; a unit that has one keeps it (listed as
    /// existing, its secret is not shown again: rotate it if it was lost). Every unit is checked
    /// against the ward's registry first, and an unknown one refuses the whole request.
    /// </summary>
    private static async Task<Results<Ok<UnitClientsIssued>, ValidationProblem>> CreateClients(
        CreateUnitClients request, ClaimsPrincipal user, IOpenIddictApplicationManager applications, UnitDirectory units, HttpContext http,
        CancellationToken cancellationToken)
    {
        var caller = user.Caller();
        var known = await units.UnitsOfCallersWardAsync(http);
        var unknown = request.UnitCodes!.Select((code, index) => (code, index)).Where(unit => !known.Contains(unit.code!)).ToList();
        if (unknown.Count > 0)
        {
            return Problems.ValidationProblem(unknown.Take(50).ToDictionary(
                unit => $"unitCodes[{unit.index}]", unit => new[] { $"Không có đơn vị mã {unit.code} trong danh bạ của phường." }));
        }

        var created = new List<ClientSecretIssued>();
        var existing = new List<string>();
        foreach (var clientId in request.UnitCodes!)
        {
            if (await applications.FindByClientIdAsync(clientId!, cancellationToken) is not null)
            {
                existing.Add(clientId!);
                continue;
            }

            var (profile, descriptor) = NewUnitClient(clientId!, displayName: null, caller.WardCode);
            await applications.CreateAsync(descriptor, cancellationToken);
            created.Add(new ClientSecretIssued(UnitClientResponse.From(clientId!, descriptor.DisplayName, profile), descriptor.ClientSecret!));
        }

        return TypedResults.Ok(new UnitClientsIssued(created, existing));
    }

    private static (ClientProfile Profile, OpenIddictApplicationDescriptor Descriptor) NewUnitClient(string clientId, string? displayName, string? wardCode)
    {
        var profile = new ClientProfile(Roles.Unit, clientId, wardCode, LocalDevelopment: false, ManagedByValues.Application);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Confidential,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? clientId : displayName.Trim(),
            ClientSecret = Secrets.NewClientSecret(),
        };
        descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        profile.WriteTo(descriptor.Properties);
        return (profile, descriptor);
    }

    /// <summary>
    /// A new secret. A client seeded from configuration passes to the application with it: the
    /// office now owns its secret, and configuration no longer resets it at a restart.
    /// </summary>
    private static async Task<Results<Ok<ClientSecretIssued>, ProblemHttpResult>> RotateClient(
        string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var (application, profile) = await FindUnitClientAsync(clientId, user, applications, cancellationToken);
        if (application is null)
        {
            return NotFound($"Không có mã truy cập API {clientId} của phường.");
        }

        var secret = Secrets.NewClientSecret();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.ClientSecret = secret;
        var updated = profile! with { ManagedBy = ManagedByValues.Application, LocalDevelopment = false };
        updated.WriteTo(descriptor.Properties);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return TypedResults.Ok(new ClientSecretIssued(UnitClientResponse.From(clientId, descriptor.DisplayName, updated), secret));
    }

    private static async Task<Results<Ok<UnitClientResponse>, ProblemHttpResult>> SetClientDisabled(
        string clientId, bool disabled, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var (application, profile) = await FindUnitClientAsync(clientId, user, applications, cancellationToken);
        if (application is null)
        {
            return NotFound($"Không có mã truy cập API {clientId} của phường.");
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var updated = profile! with { Disabled = disabled };
        updated.WriteTo(descriptor.Properties);
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return TypedResults.Ok(UnitClientResponse.From(clientId, descriptor.DisplayName, updated));
    }

    private static async Task<(object? Application, ClientProfile? Profile)> FindUnitClientAsync(
        string clientId, ClaimsPrincipal user, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null)
        {
            return (null, null);
        }

        var profile = ClientProfile.From(await applications.GetPropertiesAsync(application, cancellationToken));
        return profile.Role == Roles.Unit && profile.WardCode == user.Caller().WardCode ? (application, profile) : (null, null);
    }

    private static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status409Conflict, title: ProblemTypes.ForStatus(StatusCodes.Status409Conflict).Title, type: ProblemTypes.Conflict);

    private static ValidationProblem UnknownUnit(string unitCode) => Problems.ValidationProblem(new Dictionary<string, string[]>
    {
        ["unitCode"] = [$"Không có đơn vị mã {unitCode} trong danh bạ của phường."],
    });

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(
        detail, statusCode: StatusCodes.Status404NotFound, title: ProblemTypes.ForStatus(StatusCodes.Status404NotFound).Title, type: ProblemTypes.NotFound);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserName} created by {Actor}")]
    private static partial void LogAccountCreated(ILogger logger, string userName, string actor);
}

/// <summary>New secrets: from the system's cryptographic generator, never shown twice.</summary>
internal static class Secrets
{
    private const string PasswordAlphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud or copied by hand

    public static string NewClientSecret() => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Four groups of four, e.g. <c>k7mp-3qaf-9wrt-2bnx</c>: 19 characters, about 79 bits.</summary>
    public static string NewPassword() => string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(PasswordAlphabet, 4)));
}

/// <summary>Asks Planning, with the caller's own token, whether a unit is in the caller's ward's registry.</summary>
public sealed class UnitDirectory(HttpClient http)
{
    public async Task<bool> IsUnitOfCallersWardAsync(string unitCode, HttpContext context)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/planning/units/{Uri.EscapeDataString(unitCode)}");
        if (AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var authorization))
        {
            request.Headers.Authorization = authorization;
        }

        using var response = await http.SendAsync(request, context.RequestAborted);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
        {
            return false;
        }

        response.EnsureSuccessStatusCode(); // Planning down: a 503 from the exception handler, nothing made
        var unit = await response.Content.ReadFromJsonAsync<UnitWard>(context.RequestAborted);
        return unit?.WardCode is null || unit.WardCode == context.User.Caller().WardCode;
    }

    /// <summary>The codes of the active units of the caller's ward, read page by page from Planning with the caller's own token.</summary>
    public async Task<IReadOnlySet<string>> UnitsOfCallersWardAsync(HttpContext context)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var uri = "api/planning/units?active=true&limit=200" + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var authorization))
            {
                request.Headers.Authorization = authorization;
            }

            using var response = await http.SendAsync(request, context.RequestAborted);
            response.EnsureSuccessStatusCode(); // Planning down: a 503 from the exception handler, nothing made
            var page = await response.Content.ReadFromJsonAsync<UnitPage>(context.RequestAborted)
                ?? throw new InvalidOperationException("Planning answered an empty page of units.");
            codes.UnionWith(page.Items.Where(unit => unit.WardCode == context.User.Caller().WardCode).Select(unit => unit.Code));
            after = page.Next;
        }
        while (after is not null);

        return codes;
    }

    private sealed record UnitWard(string? WardCode);

    private sealed record UnitPage(IReadOnlyList<UnitCode> Items, string? Next);

    private sealed record UnitCode(string Code, string? WardCode);
}
