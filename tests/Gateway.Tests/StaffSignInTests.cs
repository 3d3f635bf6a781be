using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LearningWeek.Gateway.Tests;

/// <summary>People sign in at the built-in issuer (code flow with PKCE), and their tokens say who they are.</summary>
public sealed class StaffSignInTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task A_ward_officer_signs_in_and_its_tokens_name_the_person_as_well_as_role_and_ward()
    {
        using var flow = new SignInFlow(gateway.Factory);

        var tokens = await flow.SignInAsync("canbo.vhxh", "local-canbo.vhxh");

        Assert.Equal(HttpStatusCode.OK, tokens!.Status);
        var access = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("canbo.vhxh", access.GetClaim(ClaimNames.PreferredUserName).Value);
        Assert.Equal("Nguyễn Thị Hạnh", access.GetClaim(ClaimNames.Name).Value);
        Assert.Equal(Roles.WardOfficer, access.GetClaim(ClaimNames.Role).Value);
        Assert.Equal("HP-NAMTRIEU", access.GetClaim(ClaimNames.WardCode).Value);
        Assert.Equal([IdentitySettings.DefaultAudience], access.Audiences);
        Assert.False(string.IsNullOrEmpty(access.Subject));
        Assert.NotEqual("canbo.vhxh", access.Subject); // sub is the account's stable id
        var identity = new JsonWebToken(tokens.IdToken);
        Assert.Equal("Nguyễn Thị Hạnh", identity.GetClaim(ClaimNames.Name).Value);
        Assert.Equal(Roles.WardOfficer, identity.GetClaim(ClaimNames.Role).Value);
        Assert.NotNull(tokens.RefreshToken);

        // The token opens the API like a system's does.
        using var api = await gateway.CreateClient(tokens.AccessToken).GetAsync("/api/planning/plans", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task Unit_staff_tokens_carry_the_unit()
    {
        using var flow = new SignInFlow(gateway.Factory);

        var tokens = await flow.SignInAsync("gv.thtamhung", "local-gv.thtamhung");

        var access = new JsonWebToken(tokens!.AccessToken);
        Assert.Equal(Roles.Unit, access.GetClaim(ClaimNames.Role).Value);
        Assert.Equal("TH-TAMHUNG", access.GetClaim(ClaimNames.UnitCode).Value);
    }

    [Fact]
    public async Task The_sign_in_page_is_in_Vietnamese_and_a_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        using var flow = new SignInFlow(gateway.Factory);

        Assert.Null(await flow.AuthorizeAsync("canbo.vhxh", "not-the-password"));
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", flow.Page);
        Assert.Contains("<html lang=\"vi\">", flow.Page);
        Assert.Contains("Đăng nhập", flow.Page);

        Assert.Null(await flow.AuthorizeAsync("nobody.here", "not-the-password"));
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", flow.Page);
    }

    [Fact]
    public async Task A_code_without_its_PKCE_verifier_gets_no_token()
    {
        using var flow = new SignInFlow(gateway.Factory);

        var tokens = await flow.SignInAsync("so.gddt", "local-so.gddt", sendVerifier: false);

        Assert.NotEqual(HttpStatusCode.OK, tokens!.Status);
        Assert.Null(tokens.AccessToken);
    }

    [Fact]
    public async Task A_code_is_used_once()
    {
        using var flow = new SignInFlow(gateway.Factory);
        var code = await flow.AuthorizeAsync("vanhanh", "local-vanhanh");

        var first = await flow.ExchangeAsync(code!, flow.Verifier);
        var second = await flow.ExchangeAsync(code!, flow.Verifier);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("invalid_grant", second.Error);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var (userName, password) = await gateway.CreateStaffAccountAsync("khoa.thu");
        using var flow = new SignInFlow(gateway.Factory);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Null(await flow.AuthorizeAsync(userName, "wrong-password-" + attempt));
        }

        Assert.Null(await flow.AuthorizeAsync(userName, password));
        Assert.Contains("Tài khoản tạm khoá vì nhập sai mật khẩu nhiều lần", flow.Page);
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_nor_refresh_its_session()
    {
        var (userName, password) = await gateway.CreateStaffAccountAsync("tam.nghi");
        using var flow = new SignInFlow(gateway.Factory);
        var tokens = await flow.SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, tokens!.Status);
        Assert.Equal(HttpStatusCode.OK, (await flow.RefreshAsync(tokens.RefreshToken!)).Status);

        using var disable = await gateway.CreateClient(await gateway.OfficerTokenAsync())
            .PostAsync($"/api/access/users/{userName}/disable", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);

        var refreshed = await flow.RefreshAsync(tokens.RefreshToken!);
        Assert.Equal("invalid_grant", refreshed.Error);
        using var again = new SignInFlow(gateway.Factory);
        Assert.Null(await again.AuthorizeAsync(userName, password));
        Assert.Contains("Tài khoản này đã bị vô hiệu hoá", again.Page);

        using var enable = await gateway.CreateClient(await gateway.OfficerTokenAsync())
            .PostAsync($"/api/access/users/{userName}/enable", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(userName, password))!.Status);
    }

    [Fact]
    public async Task Signing_in_again_after_signing_out_asks_for_the_password()
    {
        using var flow = new SignInFlow(gateway.Factory);
        Assert.NotNull(await flow.AuthorizeAsync("so.gddt", "local-so.gddt"));

        await flow.EndSessionAsync();

        Assert.Null(await flow.AuthorizeAsync("so.gddt", "wrong-password-after-sign-out"));
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", flow.Page);
    }
}

/// <summary>A ward officer manages the ward's staff accounts and unit clients.</summary>
public sealed class AccessManagementTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task A_new_account_of_unit_staff_gets_a_first_password_shown_once_and_can_sign_in()
    {
        using var officer = gateway.CreateClient(await gateway.OfficerTokenAsync());

        using var created = await officer.PostAsJsonAsync("/api/access/users",
            new { userName = "gv.mnphucle", displayName = "Lê Thị Mai", role = "unit", unitCode = "MN-PHUCLE" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var password = body.GetProperty("password").GetString()!;
        Assert.True(password.Length >= 12);
        Assert.Equal("HP-NAMTRIEU", body.GetProperty("account").GetProperty("wardCode").GetString());
        using var flow = new SignInFlow(gateway.Factory);
        var tokens = await flow.SignInAsync("gv.mnphucle", password);
        Assert.Equal("MN-PHUCLE", new JsonWebToken(tokens!.AccessToken).GetClaim(ClaimNames.UnitCode).Value);

        var listed = await officer.GetFromJsonAsync<JsonElement>("/api/access/users", TestContext.Current.CancellationToken);
        var account = listed.EnumerateArray().Single(user => user.GetProperty("userName").GetString() == "gv.mnphucle");
        Assert.False(account.TryGetProperty("password", out _));
        Assert.Equal("canbo.vhxh", account.GetProperty("createdBy").GetString());
        Assert.DoesNotContain(password, listed.GetRawText());
    }

    [Fact]
    public async Task A_bad_account_is_refused_field_by_field_in_Vietnamese_and_nothing_is_made()
    {
        using var officer = gateway.CreateClient(await gateway.OfficerTokenAsync());

        using var refused = await officer.PostAsJsonAsync("/api/access/users",
            new { userName = "Có Dấu", displayName = "", role = "city" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        Assert.Contains("chữ thường không dấu", errors.GetProperty("userName")[0].GetString());
        Assert.Equal("Bắt buộc nhập.", errors.GetProperty("displayName")[0].GetString());
        Assert.Contains("ward-officer", errors.GetProperty("role")[0].GetString());
        var listed = await officer.GetFromJsonAsync<JsonElement>("/api/access/users", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(listed.EnumerateArray(), user => user.GetProperty("userName").GetString() == "Có Dấu");
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one_and_is_shown_once()
    {
        var (userName, password) = await gateway.CreateStaffAccountAsync("quen.matkhau");
        using var officer = gateway.CreateClient(await gateway.OfficerTokenAsync());

        using var reset = await officer.PostAsync($"/api/access/users/{userName}/reset-password", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var fresh = (await reset.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("password").GetString()!;
        Assert.NotEqual(password, fresh);
        using var old = new SignInFlow(gateway.Factory);
        Assert.Null(await old.AuthorizeAsync(userName, password));
        using var now = new SignInFlow(gateway.Factory);
        Assert.Equal(HttpStatusCode.OK, (await now.SignInAsync(userName, fresh))!.Status);
    }

    [Fact]
    public async Task Only_ward_officers_manage_access()
    {
        foreach (var clientId in new[] { "TH-TAMHUNG", "city", "ops" })
        {
            using var response = await gateway.CreateClient(await gateway.TokenFor(clientId)).GetAsync("/api/access/users", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_rotated_client_secret_stops_the_old_one_at_once()
    {
        using var officer = gateway.CreateClient(await gateway.OfficerTokenAsync());

        using var rotated = await officer.PostAsync("/api/access/clients/THCS-LAPLE/rotate", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, await gateway.TokenStatusFor("THCS-LAPLE", "local-THCS-LAPLE"));
        Assert.Equal(HttpStatusCode.OK, await gateway.TokenStatusFor("THCS-LAPLE", secret));
        var clients = await officer.GetFromJsonAsync<JsonElement>("/api/access/clients", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(secret, clients.GetRawText());
    }

    [Fact]
    public async Task A_disabled_client_gets_no_token_until_enabled_again()
    {
        using var officer = gateway.CreateClient(await gateway.OfficerTokenAsync());

        using var disabled = await officer.PostAsync("/api/access/clients/NVH-TDP7/disable", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, await gateway.TokenStatusFor("NVH-TDP7", "local-NVH-TDP7"));

        using var enabled = await officer.PostAsync("/api/access/clients/NVH-TDP7/enable", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await gateway.TokenStatusFor("NVH-TDP7", "local-NVH-TDP7"));
    }

    [Fact]
    public async Task A_new_unit_client_works_with_the_secret_shown_once()
    {
        using var officer = gateway.CreateClient(await gateway.OfficerTokenAsync());

        using var created = await officer.PostAsJsonAsync("/api/access/clients", new { unitCode = "TH-MOI", displayName = "Trường Tiểu học Mới" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("clientSecret").GetString()!;
        var token = new JsonWebToken(await gateway.TokenFor("TH-MOI", secret));
        Assert.Equal("TH-MOI", token.GetClaim(ClaimNames.UnitCode).Value);
        Assert.Equal("HP-NAMTRIEU", token.GetClaim(ClaimNames.WardCode).Value);
        using var twice = await officer.PostAsJsonAsync("/api/access/clients", new { unitCode = "TH-MOI" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }
}
