using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// A city provisions its schools in bulk, as a real one would: the units registered in batches,
/// then an API client for each, and each school's system gets its own token and reports.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class ProvisioningThroughTheGatewayTests(LocalSystem system)
{
    // Culture houses: no plan of the sample or of the other tests asks them to report, so these
    // units change no count another test of this system checks.
    [Fact]
    public async Task Units_registered_in_a_batch_get_their_clients_in_a_batch_and_each_reports_with_its_own_token()
    {
        var officer = await system.SignedInClientAsync("ward-officer");
        string[] codes = [.. Enumerable.Range(1, 30).Select(i => $"TPHP-NVH{i:D2}")];
        using (var registered = await officer.PostAsJsonAsync("/api/planning/units/batch",
            new { units = codes.Select(code => new { code, name = $"Nhà văn hoá {code}", kind = "culture-house" }) }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        // TH-TAMHUNG has its client already (from the local configuration): kept, its secret not shown.
        using var issued = await officer.PostAsJsonAsync("/api/access/clients/batch",
            new { unitCodes = codes.Append("TH-TAMHUNG") }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var created = body.GetProperty("created").EnumerateArray().ToList();
        Assert.Equal(codes, created.Select(client => client.GetProperty("client").GetProperty("clientId").GetString()));
        Assert.Equal(["TH-TAMHUNG"], body.GetProperty("existing").EnumerateArray().Select(code => code.GetString()));
        Assert.Equal(codes.Length, created.Select(client => client.GetProperty("clientSecret").GetString()).Distinct().Count());

        foreach (var client in created.Take(3))
        {
            using var school = system.CreateGatewayClient();
            var code = client.GetProperty("client").GetProperty("clientId").GetString()!;
            using var token = await school.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = code,
                ["client_secret"] = client.GetProperty("clientSecret").GetString()!,
            }), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            school.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
                (await token.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("access_token").GetString());
            var whoAmI = await school.GetFromJsonAsync<JsonElement>("/api/planning/whoami", TestContext.Current.CancellationToken);
            Assert.Equal(code, whoAmI.GetProperty("unitCode").GetString());
        }

        using var twice = await officer.PostAsJsonAsync("/api/access/clients/batch", new { unitCodes = codes.Take(2) }, TestContext.Current.CancellationToken);
        var again = await twice.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(0, again.GetProperty("created").GetArrayLength());
        Assert.Equal(codes.Take(2), again.GetProperty("existing").EnumerateArray().Select(code => code.GetString()));
    }

    [Fact]
    public async Task A_batch_naming_a_unit_outside_the_registry_makes_no_client_at_all()
    {
        var officer = await system.SignedInClientAsync("ward-officer");
        using (var registered = await officer.PostAsJsonAsync("/api/planning/units/batch",
            new { units = new[] { new { code = "TPHP-NVH99", name = "Nhà văn hoá TPHP-NVH99", kind = "culture-house" } } }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }

        using var issued = await officer.PostAsJsonAsync("/api/access/clients/batch",
            new { unitCodes = new[] { "TPHP-NVH99", "KHONG-CO" } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, issued.StatusCode);
        var problem = await issued.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("Không có đơn vị mã KHONG-CO trong danh bạ của phường.", problem.GetProperty("errors").GetProperty("unitCodes[1]")[0].GetString());
        var clients = await officer.GetFromJsonAsync<JsonElement>("/api/access/clients", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(clients.EnumerateArray(), client => client.GetProperty("clientId").GetString() == "TPHP-NVH99");
    }
}
