using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Api;

/// <summary>
/// <c>POST /api/planning/units/batch</c>: a ward (or a city importing its schools) registers many
/// units at once, all or nothing, and can send the same import again.
/// </summary>
public sealed class BatchRegistrationTests(PlanningService service) : IClassFixture<PlanningService>
{
    private readonly PlanningScenario _scenario = new(service);

    private static object Unit(string code, string name = "Trường Tiểu học", string kind = "primary") => new { code, name = $"{name} {code}", kind };

    [Fact]
    public async Task A_batch_registers_every_unit_each_published_once_and_sent_again_changes_nothing()
    {
        await using var city = await OutsideSubscriber.StartAsync(service.Servers.AdministratorOn(service.VirtualHost), typeof(LearningWeek.Contracts.Planning.UnitRegistered));
        string[] codes = [.. Enumerable.Range(1, 250).Select(i => $"LOAT1-{i:D3}")];

        var first = await Send(new { units = codes.Select(code => Unit(code)) });
        var again = await Send(new { units = codes.Take(3).Select(code => Unit(code)).Append(Unit("LOAT1-MOI")) });

        Assert.Equal(codes, first.GetProperty("registered").EnumerateArray().Select(unit => unit.GetProperty("code").GetString()));
        Assert.Equal(0, first.GetProperty("unchanged").GetArrayLength());
        Assert.Equal(["LOAT1-MOI"], again.GetProperty("registered").EnumerateArray().Select(unit => unit.GetProperty("code").GetString()));
        Assert.Equal(codes.Take(3), again.GetProperty("unchanged").EnumerateArray().Select(code => code.GetString()));
        var unit = await _scenario.Officer.GetFromJsonAsync<JsonElement>("/api/planning/units/LOAT1-250", TestContext.Current.CancellationToken);
        Assert.Equal("Trường Tiểu học LOAT1-250", unit.GetProperty("name").GetString());
        Assert.Equal("HP-NAMTRIEU", unit.GetProperty("wardCode").GetString());

        bool OfThisBatch(ReceivedMessage message) => message.Message.GetProperty("unitCode").GetString()!.StartsWith("LOAT1-", StringComparison.Ordinal);
        var received = (await city.WaitFor(messages => messages.Count(OfThisBatch) >= 251)).Where(OfThisBatch).ToList();
        Assert.Equal(codes.Append("LOAT1-MOI").Order(StringComparer.Ordinal),
            received.Select(message => message.Message.GetProperty("unitCode").GetString()!).Distinct().Order(StringComparer.Ordinal));
    }

    public static TheoryData<string, object, string> BadBatches => new()
    {
        { "no units", new { units = Array.Empty<object>() }, "units" },
        { "a missing unit", new { units = new[] { Unit("LOAT2-A"), null } }, "units[1]" },
        { "a bad code in the third unit", new { units = new[] { Unit("LOAT2-A"), Unit("LOAT2-B"), Unit("loat2 c") } }, "units[2].code" },
        { "a unit without a name", new { units = new object[] { Unit("LOAT2-A"), new { code = "LOAT2-B", kind = "primary" } } }, "units[1].name" },
        { "the same code twice", new { units = new[] { Unit("LOAT2-A"), Unit("LOAT2-B"), Unit("LOAT2-A") } }, "units[2].code" },
        { "more than 1,000 units", new { units = Enumerable.Range(0, 1001).Select(i => Unit($"LOAT2-{i:D4}")) }, "units" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task A_batch_with_one_bad_unit_is_refused_naming_it_and_stores_nothing(string kind, object batch, string field)
    {
        using var response = await _scenario.Officer.PostAsJsonAsync("/api/planning/units/batch", batch, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, kind);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{kind}: {problem}");
        Assert.All(messages.EnumerateArray(), message => Assert.Matches("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", message.GetString()!));
        using var lookup = await _scenario.Officer.GetAsync("/api/planning/units/LOAT2-A", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_code_registered_with_other_data_refuses_the_whole_batch_naming_the_code()
    {
        await Send(new { units = new[] { Unit("LOAT3-CU", "Trường Mầm non", "kindergarten") } });

        using var response = await _scenario.Officer.PostAsJsonAsync("/api/planning/units/batch",
            new { units = new[] { Unit("LOAT3-MOI"), Unit("LOAT3-CU") } }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("LOAT3-CU", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("LOAT3-MOI", problem.GetProperty("detail").GetString());
        using var lookup = await _scenario.Officer.GetAsync("/api/planning/units/LOAT3-MOI", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Only_a_ward_officer_registers_and_only_for_its_own_ward()
    {
        using var bySchool = await _scenario.School("TH-TAMHUNG").PostAsJsonAsync("/api/planning/units/batch",
            new { units = new[] { Unit("LOAT4-A") } }, TestContext.Current.CancellationToken);
        using var otherWard = await _scenario.Officer.PostAsJsonAsync("/api/planning/units/batch",
            new { units = new object[] { Unit("LOAT4-A"), new { code = "LOAT4-B", name = "Trường khác", kind = "primary", wardCode = "HP-KHAC" } } },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, bySchool.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherWard.StatusCode);
        using var lookup = await _scenario.Officer.GetAsync("/api/planning/units/LOAT4-A", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
    }

    private async Task<JsonElement> Send(object batch)
    {
        using var response = await _scenario.Officer.PostAsJsonAsync("/api/planning/units/batch", batch, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
