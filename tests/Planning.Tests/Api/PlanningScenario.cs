using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.Planning.SampleData;
using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests.Api;

/// <summary>
/// Steps a ward officer and the schools take through the Planning API, for the tests to compose:
/// each step asserts it succeeded and returns what the next one needs.
/// </summary>
public sealed class PlanningScenario(PlanningService service)
{
    public HttpClient Officer { get; } = service.CreateClient(TestTokens.WardOfficer());

    public HttpClient School(string code) => service.CreateClient(TestTokens.Unit(code));

    /// <summary>Registers the sample units that are not there yet.</summary>
    public async Task RegisterSampleUnits()
    {
        foreach (var unit in NamTrieu2025.Units)
        {
            using var response = await Officer.PostAsJsonAsync("/api/planning/units", unit, ApiJson.Options);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
        }
    }

    public static object Content(int year = 2027, string title = "Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2027") => new
    {
        title,
        year,
        issuingBody = "Ủy ban nhân dân phường Nam Triệu",
        place = "Nam Triệu",
        legalBasis = new { decisionNumber = "3929/QĐ-UBND", decisionDate = $"{year}-09-25", issuer = "UBND thành phố Hải Phòng" },
        purposes = NamTrieu2025.Content.Purposes,
        theme = NamTrieu2025.Theme,
        period = new { start = $"{year}-10-01", end = $"{year}-10-07" },
        deadlines = new { unitsReportBefore = $"{year}-10-15", wardReportBefore = $"{year}-10-20" },
        recipients = NamTrieu2025.Content.Recipients,
        signature = new { authority = "TM. UỶ BAN NHÂN DÂN", onBehalfOf = "KT. CHỦ TỊCH", position = "PHÓ CHỦ TỊCH", signer = "Nguyễn Đức Dũng" },
    };

    public async Task<(Guid Id, string ETag)> Draft(object? content = null)
    {
        using var response = await Officer.PostAsJsonAsync("/api/planning/plans", content ?? Content());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (plan.GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    /// <summary>Drafts a plan with the sample's six lines and three responsibilities; returns its id and ETag.</summary>
    public async Task<(Guid Id, string ETag)> DraftComplete(object? content = null)
    {
        var (id, etag) = await Draft(content);
        foreach (var line in NamTrieu2025.ActivityLines)
        {
            etag = await Send(HttpMethod.Post, $"/api/planning/plans/{id}/activity-lines", line, etag, HttpStatusCode.Created);
        }

        foreach (var responsibility in NamTrieu2025.Responsibilities)
        {
            etag = await Send(HttpMethod.Post, $"/api/planning/plans/{id}/responsibilities", responsibility, etag, HttpStatusCode.Created);
        }

        return (id, etag);
    }

    public async Task<(Guid Id, string ETag)> Issued()
    {
        await RegisterSampleUnits();
        var (id, etag) = await DraftComplete();
        etag = await Send(HttpMethod.Post, $"/api/planning/plans/{id}/issue", new { number = "45/KH-UBND" }, etag, HttpStatusCode.OK);
        return (id, etag);
    }

    /// <summary>Sends with If-Match, expects the status, returns the new ETag.</summary>
    public async Task<string> Send(HttpMethod method, string path, object body, string? ifMatch, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: ApiJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await Officer.SendAsync(request);
        Assert.True(expected == response.StatusCode, $"{method} {path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag?.Tag ?? "";
    }

    public async Task<JsonElement> Plan(Guid id) => await Officer.GetFromJsonAsync<JsonElement>($"/api/planning/plans/{id}");

    public static object UnitPlan(string? unitCode = null, string line = "3.2", int students = 450) => new
    {
        unitCode,
        items = new[]
        {
            new
            {
                lineCode = line,
                title = "Ngày hội văn hoá đọc",
                description = "Học sinh đọc sách tại thư viện và tủ sách góc lớp.",
                from = "2027-10-02",
                to = "2027-10-02",
                expectedParticipants = new { students, teachersAndStaff = 32, parents = 120 },
            },
        },
    };
}
