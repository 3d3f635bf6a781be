using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using LearningWeek.EventSourcing;

namespace LearningWeek.Benchmark;

/// <summary>A unit's system as the benchmark drives it: its code and the token its own client got from the gateway.</summary>
internal sealed record UnitSystem(string Code, string Token);

/// <summary>
/// A ward set up through the gateway as a ward officer does it: its units registered, an API
/// client (and so a token) for each, and an issued plan that asks all of them to report.
/// </summary>
internal sealed class Ward
{
    public const string Code = "HP-NAMTRIEU";

    private Ward(Guid planId, IReadOnlyList<UnitSystem> units, DateOnly heldOn)
    {
        PlanId = planId;
        Units = units;
        HeldOn = heldOn;
    }

    public Guid PlanId { get; }

    public IReadOnlyList<UnitSystem> Units { get; }

    /// <summary>A day inside the plan's period.</summary>
    public DateOnly HeldOn { get; }

    /// <summary>
    /// Registers <paramref name="count"/> schools of <paramref name="kind"/> named <c>{prefix}-00001</c>…
    /// in batches, as a city provisions its schools, gives each a client and a token, and issues a
    /// plan that asks the schools of that kind to report within the month.
    /// </summary>
    public static async Task<Ward> SetUpAsync(Uri gateway, string prefix, int count, string kind, int parallel, Action<string> progress)
    {
        using var client = Http.Client(gateway, parallel + 2);
        client.Timeout = TimeSpan.FromMinutes(5);
        var officer = await TokenAsync(client, "ward-officer", "local-ward-officer");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officer);
        var codes = Enumerable.Range(1, count).Select(i => $"{prefix}-{i:D5}").ToList();
        var batches = codes.Chunk(1000).ToList();

        var clock = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            (await Expect(HttpStatusCode.OK, client.PostAsJsonAsync("/api/planning/units/batch",
                new { units = batch.Select(code => new { code, name = $"Trường số {code[^5..]} ({prefix})", kind }) }))).Dispose();
        }

        progress($"{count:N0} units registered in {batches.Count} batches in {clock.Elapsed.TotalSeconds:0.0} s");

        clock.Restart();
        var secrets = new Dictionary<string, string>(count);
        foreach (var batch in batches)
        {
            using var created = await Expect(HttpStatusCode.OK, client.PostAsJsonAsync("/api/access/clients/batch", new { unitCodes = batch }));
            foreach (var issued in (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").EnumerateArray())
            {
                secrets[issued.GetProperty("client").GetProperty("clientId").GetString()!] = issued.GetProperty("clientSecret").GetString()!;
            }
        }

        progress($"{count:N0} clients created in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var units = new UnitSystem[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, cancellationToken) =>
            units[i] = new UnitSystem(codes[i], await TokenAsync(client, codes[i], secrets[codes[i]])));
        progress($"{count:N0} tokens issued in {clock.Elapsed.TotalSeconds:0.0} s");

        var today = VietnamTime.DayOf(DateTimeOffset.UtcNow);
        var planId = await IssuePlanAsync(client, prefix, kind, today);
        // The plan reaches ActivityReporting over the bus, which opens an obligation for each unit.
        clock.Restart();
        while (true)
        {
            using var response = await client.GetAsync($"/api/reporting/plans/{planId}/progress");
            if (response.StatusCode == HttpStatusCode.OK
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ward").GetProperty("expected").GetInt32() == count)
            {
                break;
            }

            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"ActivityReporting did not open {count} obligations of plan {planId} within 5 minutes.");
            }

            await Task.Delay(200);
        }

        progress($"plan issued; its {count:N0} obligations open in ActivityReporting after {clock.Elapsed.TotalSeconds:0.0} s");
        return new Ward(planId, units, today.AddDays(-1));
    }

    /// <summary>An activity report of a unit, as its system posts it (JSON, ready to send).</summary>
    public byte[] ActivityJson(int number) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        planId = PlanId,
        lineCode = "3.2",
        title = $"Ngày hội đọc sách lần {number}",
        heldOn = HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        location = "Thư viện trường",
        formats = new[] { "Trực tiếp" },
        participants = new { students = 120, teachersAndStaff = 8 },
        sessions = 1,
    });

    /// <summary>A unit's summary report (báo cáo kết quả), as its system submits it.</summary>
    public static readonly byte[] UnitReportJson = JsonSerializer.SerializeToUtf8Bytes(new
    {
        results = "Đơn vị đã tổ chức 10 hoạt động hưởng ứng Tuần lễ học tập suốt đời với sự tham gia của học sinh và giáo viên.",
        highlights = "Ngày hội đọc sách thu hút đông đảo học sinh.",
    });

    public static async Task<string> TokenAsync(HttpClient gateway, string clientId, string secret)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"No token for {clientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    private static async Task<Guid> IssuePlanAsync(HttpClient officer, string prefix, string kind, DateOnly today)
    {
        string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var drafted = await Expect(HttpStatusCode.Created, officer.PostAsJsonAsync("/api/planning/plans", new
        {
            title = $"Kế hoạch hưởng ứng Tuần lễ học tập suốt đời (đo hiệu năng {prefix})",
            year = today.Year,
            issuingBody = "Ủy ban nhân dân phường Nam Triệu",
            place = "Nam Triệu",
            legalBasis = new { decisionNumber = "131/QĐ-UBND", decisionDate = Day(today.AddDays(-20)), issuer = "UBND thành phố Hải Phòng" },
            period = new { start = Day(today.AddDays(-6)), end = Day(today) },
            deadlines = new { unitsReportBefore = Day(today.AddDays(30)), wardReportBefore = Day(today.AddDays(40)) },
        }));
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await Expect(HttpStatusCode.Created, officer.PostAsJsonAsync($"/api/planning/plans/{id}/activity-lines", new { code = "3.2", title = "Tuyên truyền, hưởng ứng" }))).Dispose();
        (await Expect(HttpStatusCode.Created, officer.PostAsJsonAsync($"/api/planning/plans/{id}/responsibilities", new
        {
            title = $"Các trường ({prefix})",
            kinds = new[] { kind },
            duties = new[] { "Tổ chức hoạt động và báo cáo kết quả về UBND phường." },
            reporting = "to-ward",
        }))).Dispose();
        (await Expect(HttpStatusCode.OK, officer.PostAsJsonAsync($"/api/planning/plans/{id}/issue", new { number = "131/KH-UBND" }))).Dispose();
        return id;
    }

    private static async Task<HttpResponseMessage> Expect(HttpStatusCode status, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    private sealed record TokenResponse([property: JsonPropertyName("access_token")] string AccessToken);
}
