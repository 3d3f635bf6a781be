using System.Security.Cryptography;
using LearningWeek.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace LearningWeek.Gateway.Tests;

/// <summary>A Production gateway refuses the local-development defaults, in its configuration or its database.</summary>
public sealed class ProductionStartTests
{
    [Fact]
    public async Task A_local_development_client_secret_in_configuration_stops_a_production_start()
    {
        await WithDatabase(database =>
        {
            using var factory = Gateway("Production", database, ("Identity:Clients:TH-TAMHUNG:Secret", "local-TH-TAMHUNG"),
                ("Identity:Clients:TH-TAMHUNG:Role", "unit"));

            var error = Assert.ThrowsAny<Exception>(factory.StartServer);

            Assert.Contains("Identity:Clients:TH-TAMHUNG:Secret", error.ToString());
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Local_development_clients_left_in_the_database_stop_a_production_start()
    {
        await WithDatabase(database =>
        {
            using (var development = Gateway("Development", database))
            {
                development.StartServer(); // seeds the local-development clients of appsettings.Development.json
            }

            using var production = Gateway("Production", database);
            var error = Assert.ThrowsAny<Exception>(production.StartServer);

            // The seeded clients are no longer configured, so they are deleted; the seeded people remain, and stop the start.
            Assert.Contains("staff accounts with local-development passwords exist", error.ToString());
            Assert.Contains("canbo.vhxh", error.ToString());
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_local_development_password_in_configuration_stops_a_production_start()
    {
        await WithDatabase(database =>
        {
            using var factory = Gateway("Production", database, ("Identity:Users:canbo.vhxh:Password", "local-canbo.vhxh"),
                ("Identity:Users:canbo.vhxh:Role", "ward-officer"), ("Identity:Users:canbo.vhxh:DisplayName", "Nguyễn Thị Hạnh"));

            var error = Assert.ThrowsAny<Exception>(factory.StartServer);

            Assert.Contains("Identity:Users:canbo.vhxh:Password", error.ToString());
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_client_removed_from_configuration_stops_getting_tokens()
    {
        await WithDatabase(async database =>
        {
            (string, string)[] extra = [("Identity:Clients:TH-CU:Secret", "local-TH-CU"), ("Identity:Clients:TH-CU:Role", "unit")];
            using (var before = Gateway("Development", database, extra))
            {
                before.StartServer();
                Assert.Equal(System.Net.HttpStatusCode.OK, await GatewayHost.TokenStatus(before, "TH-CU", "local-TH-CU"));
            }

            using var after = Gateway("Development", database);
            after.StartServer();

            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, await GatewayHost.TokenStatus(after, "TH-CU", "local-TH-CU"));
            Assert.Equal(System.Net.HttpStatusCode.OK, await GatewayHost.TokenStatus(after, "TH-TAMHUNG", "local-TH-TAMHUNG"));
        });
    }

    [Fact]
    public async Task A_secret_rotated_by_a_ward_officer_outlives_a_restart_with_the_old_one_still_configured()
    {
        await WithDatabase(async database =>
        {
            string rotated;
            using (var before = Gateway("Development", database))
            {
                before.StartServer();
                using var flow = new SignInFlow(before);
                var officer = before.CreateClient();
                officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
                    "Bearer", (await flow.SignInAsync("canbo.vhxh", "local-canbo.vhxh"))!.AccessToken);
                using var rotation = await officer.PostAsync("/api/access/clients/TH-LAPLE/rotate", null);
                rotation.EnsureSuccessStatusCode();
                rotated = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(rotation.Content))
                    .GetProperty("clientSecret").GetString()!;
            }

            using var after = Gateway("Development", database); // configuration still names local-TH-LAPLE
            after.StartServer();

            Assert.Equal(System.Net.HttpStatusCode.OK, await GatewayHost.TokenStatus(after, "TH-LAPLE", rotated));
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, await GatewayHost.TokenStatus(after, "TH-LAPLE", "local-TH-LAPLE"));
        });
    }

    [Fact]
    public async Task A_production_gateway_with_real_secrets_and_a_clean_database_starts_and_issues_tokens()
    {
        await WithDatabase(async database =>
        {
            using var factory = Gateway("Production", database, ("Identity:Clients:TH-TAMHUNG:Secret", "N8c-real-secret-from-a-vault"),
                ("Identity:Clients:TH-TAMHUNG:Role", "unit"), ("Identity:Clients:TH-TAMHUNG:WardCode", "HP-NAMTRIEU"),
                ("ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")); // the ingress, here on loopback
            factory.StartServer();

            // In production TLS ends at the ingress in front of the gateway, which says so.
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "TH-TAMHUNG",
                ["client_secret"] = "N8c-real-secret-from-a-vault",
            }));

            Assert.True(token.IsSuccessStatusCode, await token.Content.ReadAsStringAsync());
        });
    }

    internal static async Task WithDatabase(Func<string, Task> test)
    {
        var servers = await TestServers.GetAsync();
        var database = await servers.CreateDatabaseWithOwnRoleAsync("gateway_production");
        try
        {
            await test(database);
        }
        finally
        {
            await servers.DropDatabaseAsync(database);
        }
    }

    internal static WebApplicationFactory<Program> Gateway(string environment, string database, params (string Key, string Value)[] settings)
    {
        using var rsa = RSA.Create(2048);
        var pem = rsa.ExportRSAPrivateKeyPem();
        using var encryption = RSA.Create(2048);
        var encryptionPem = encryption.ExportRSAPrivateKeyPem();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            host.ConfigureLogging(logging => logging.ToTestLog($"gateway ({environment})"));
            host.UseSetting("ConnectionStrings:gatewaydb", database);
            host.UseSetting("Identity:Issuer", "http://localhost/");
            host.UseSetting("Identity:SigningKeyPem", pem);
            host.UseSetting("Identity:EncryptionKeyPem", encryptionPem);
            host.UseSetting("ReverseProxy:Clusters:planning:Destinations:planning:Address", "http://127.0.0.1:9/");
            host.UseSetting("ReverseProxy:Clusters:reporting:Destinations:reporting:Address", "http://127.0.0.1:9/");
            host.UseSetting("ReverseProxy:Clusters:library-fund:Destinations:library-fund:Address", "http://127.0.0.1:9/");
            foreach (var (key, value) in settings)
            {
                host.UseSetting(key, value);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        return factory;
    }
}
