using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace LearningWeek.ActivityReporting.Tests.Api;

/// <summary>Activity and unit reports through the API: bad input named and never stored, object-level rules, concurrency.</summary>
public sealed class ActivityApiTests(ActivityReportingService service) : IClassFixture<ActivityReportingService>
{
    private readonly PlanningFeed _feed = new(service.Factory.Services);

    private static JsonObject Activity(Guid planId) => JsonSerializer.SerializeToNode(new
    {
        planId,
        lineCode = "3.2",
        title = "Ngày hội văn hoá đọc",
        heldOn = "2026-10-02",
        location = "Thư viện trường",
        formats = new[] { "Ngày hội văn hoá đọc", "Tủ sách góc lớp" },
        participants = new { students = 450, teachersAndStaff = 32, parents = 60 },
        sessions = 2,
        evidence = new[] { new { url = "https://thtamhung.edu.vn/tin/ngay-hoi-doc-sach", caption = "Tin trên website của trường" } },
        notes = "Phối hợp với thư viện phường.",
    })!.AsObject();

    public static TheoryData<string, string, int, string> BadActivities => new()
    {
        { "missing plan", """{"planId": null}""", 400, "planId" },
        { "unknown plan", $$"""{"planId": "{{Guid.NewGuid()}}"}""", 404, "planId" },
        { "unknown line", """{"lineCode": "9.9"}""", 422, "lineCode" },
        { "line for schools only", """{"lineCode": "3.3"}""", -1, "lineCode" },
        { "missing title", """{"title": ""}""", 400, "title" },
        { "title too long", $$"""{"title": "{{new string('x', 301)}}"}""", 400, "title" },
        { "non-NFC title", "{\"title\": \"Nga\u0300y ho\u0323i\"}", 400, "title" },
        { "date in the wrong format", """{"heldOn": "02/10/2026"}""", 400, "heldOn" },
        { "the first day of the calendar", """{"heldOn": "0001-01-01", "outsidePeriodReason": "Tổ chức sớm"}""", 400, "heldOn" },
        { "the last day of the calendar", """{"heldOn": "9999-12-31", "outsidePeriodReason": "Tổ chức muộn"}""", 400, "heldOn" },
        { "date outside the week without a reason", """{"heldOn": "2026-10-20"}""", 422, "heldOn" },
        { "missing location", """{"location": null}""", 400, "location" },
        { "empty format", """{"formats": [""]}""", 400, "formats[0]" },
        { "negative students", """{"participants": {"students": -5}}""", 400, "participants.students" },
        { "absurd parents", """{"participants": {"parents": 5000000}}""", 400, "participants.parents" },
        { "fractional members", """{"participants": {"members": 2.5}}""", 400, "participants.members" },
        { "participants as text", """{"participants": {"students": "nhiều"}}""", 400, "participants.students" },
        { "zero sessions", """{"sessions": 0}""", 400, "sessions" },
        { "evidence not a web address", """{"evidence": [{"url": "ftp://example.org/a.jpg", "caption": "Ảnh"}]}""", 400, "evidence[0].url" },
        { "evidence without caption", """{"evidence": [{"url": "https://example.org/a.jpg"}]}""", 400, "evidence[0].caption" },
        { "a null among the evidence", """{"evidence": [null]}""", 400, "evidence[0]" },
        { "notes too long", $$"""{"notes": "{{new string('x', 4001)}}"}""", 400, "notes" },
        { "unknown field", """{"participans": {"students": 1}}""", 400, "participans" },
        { "another unit", """{"unitCode": "TH-LAPLE"}""", 403, "" },
    };

    [Theory]
    [MemberData(nameof(BadActivities))]
    public async Task A_bad_activity_report_is_refused_naming_the_field_and_nothing_is_stored(string kind, string patch, int status, string field)
    {
        var (planId, school) = await PlanWithSchool(unitKind: kind == "line for schools only" ? "mass-organisation" : "primary");
        var body = Activity(planId);
        foreach (var (name, value) in JsonNode.Parse(patch)!.AsObject())
        {
            body[name] = value?.DeepClone();
        }

        using var response = await school.PostAsync("/api/reporting/activities", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((status == -1 ? 422 : status) == (int)response.StatusCode, $"{kind}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
        {
            Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{kind}: {text}");
        }

        var stored = await service.CreateClient(TestTokens.WardOfficer(_feed.Ward)).GetFromJsonAsync<JsonElement>($"/api/reporting/activities?planId={planId}&includeWithdrawn=true", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, stored.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_unit_corrects_and_withdraws_its_report_with_history_and_a_stale_if_match_is_412()
    {
        var (planId, school) = await PlanWithSchool();
        using var created = await school.PostAsync("/api/reporting/activities", Json(Activity(planId)), TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var firstETag = created.Headers.ETag!.Tag;

        var correction = Activity(planId);
        correction["participants"] = JsonNode.Parse("""{"students": 480, "teachersAndStaff": 32, "parents": 60}""");
        using var corrected = await Send(school, HttpMethod.Put, $"/api/reporting/activities/{id}", correction, firstETag);
        using var stale = await Send(school, HttpMethod.Put, $"/api/reporting/activities/{id}", Activity(planId), firstETag);
        using var withdrawn = await Send(school, HttpMethod.Delete, $"/api/reporting/activities/{id}?reason=Tr%C3%B9ng", null, corrected.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var report = await school.GetFromJsonAsync<JsonElement>($"/api/reporting/activities/{id}", cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(report.GetProperty("withdrawn").GetBoolean());
        Assert.Equal([450, 480], report.GetProperty("history").EnumerateArray().Select(r => r.GetProperty("content").GetProperty("participants").GetProperty("students").GetInt32()));
    }

    [Theory]
    [InlineData("Tr%00%C3%B9ng", "a NUL")]
    [InlineData("Tru%CC%80ng", "decomposed Vietnamese")]
    public async Task A_withdrawal_reason_breaking_the_text_rules_is_a_400_naming_it_and_the_report_still_counts(string reason, string kind)
    {
        var (planId, school) = await PlanWithSchool();
        using var created = await school.PostAsync("/api/reporting/activities", Json(Activity(planId)), TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        using var withdrawn = await Send(school, HttpMethod.Delete, $"/api/reporting/activities/{id}?reason={reason}", null, created.Headers.ETag!.Tag);

        Assert.True(withdrawn.StatusCode == HttpStatusCode.BadRequest, $"{kind}: {withdrawn.StatusCode}");
        var problem = await withdrawn.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var report = await school.GetFromJsonAsync<JsonElement>($"/api/reporting/activities/{id}", cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(report.GetProperty("withdrawn").GetBoolean());
    }

    [Fact]
    public async Task A_nul_in_a_list_filter_is_a_400_naming_the_filter_not_an_outage()
    {
        var (planId, school) = await PlanWithSchool();

        using var response = await school.GetAsync($"/api/reporting/activities?planId={planId}&unitCode=TH%00TAMHUNG", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty("unitCode", out _));
    }

    [Fact]
    public async Task A_correction_without_if_match_is_428_and_the_report_stays_as_it_was()
    {
        var (planId, school) = await PlanWithSchool();
        using var created = await school.PostAsync("/api/reporting/activities", Json(Activity(planId)), TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var correction = Activity(planId);
        correction["sessions"] = 9;

        using var corrected = await Send(school, HttpMethod.Put, $"/api/reporting/activities/{id}", correction, null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, corrected.StatusCode);
        var report = await school.GetFromJsonAsync<JsonElement>($"/api/reporting/activities/{id}", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, report.GetProperty("sessions").GetInt32());
    }

    [Fact]
    public async Task The_history_names_the_person_who_acted_not_only_the_system()
    {
        var (planId, system) = await PlanWithSchool();
        var teacher = service.CreateClient(TestTokens.Person("unit", "gv.thtamhung", "Trần Văn Minh", "TH-TAMHUNG", _feed.Ward));
        using var created = await system.PostAsync("/api/reporting/activities", Json(Activity(planId)), TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();

        var correction = Activity(planId);
        correction["sessions"] = 3;
        using var corrected = await Send(teacher, HttpMethod.Put, $"/api/reporting/activities/{id}", correction, created.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var report = await teacher.GetFromJsonAsync<JsonElement>($"/api/reporting/activities/{id}", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["TH-TAMHUNG", "gv.thtamhung"], report.GetProperty("history").EnumerateArray().Select(r => r.GetProperty("by").GetString()));

        var officer = service.CreateClient(TestTokens.Person("ward-officer", "canbo.vhxh", "Nguyễn Thị Hạnh", "UBND-NAMTRIEU", _feed.Ward));
        using var submitted = await teacher.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", new { results = "Đã tổ chức." }, TestContext.Current.CancellationToken);
        using var returned = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report/return", new { reason = "Bổ sung ảnh." }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var unitReport = await teacher.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", TestContext.Current.CancellationToken);
        var submission = unitReport.GetProperty("submissions")[0];
        Assert.Equal("gv.thtamhung", submission.GetProperty("submittedBy").GetString());
        Assert.Equal("canbo.vhxh", submission.GetProperty("reviewedBy").GetString());
    }

    [Fact]
    public async Task Submitted_and_late_reports_and_activity_reports_show_as_metrics()
    {
        var meters = service.Factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var late = new MetricCollector<long>(meters, "LearningWeek", "learningweek.unit_reports.late");
        using var activities = new MetricCollector<long>(meters, "LearningWeek", "learningweek.activity_reports");
        using var published = new MetricCollector<long>(meters, "LearningWeek", "learningweek.events.published");
        var (planId, school) = await PlanWithSchool();

        using var created = await school.PostAsync("/api/reporting/activities", Json(Activity(planId)), TestContext.Current.CancellationToken);
        using var submitted = await school.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", new { results = "Đã tổ chức." }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        // The plan's deadline passed (the test plan's units report before a date already gone), so the report is late.
        await Eventually.Get(() => Task.FromResult(late.GetMeasurementSnapshot().Sum(m => m.Value)), until: count => count >= 1);
        await Eventually.Get(() => Task.FromResult(activities.GetMeasurementSnapshot().Sum(m => m.Value)), until: count => count >= 1);
        Assert.Contains(published.GetMeasurementSnapshot(), m => (string?)m.Tags["event_type"] == "UnitReportSubmitted");
    }

    [Fact]
    public async Task Units_see_and_change_only_their_own_reports()
    {
        var (planId, school) = await PlanWithSchool();
        using var created = await school.PostAsync("/api/reporting/activities", Json(Activity(planId)), TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var other = service.CreateClient(TestTokens.Unit("TH-LAPLE", _feed.Ward));

        using var read = await other.GetAsync($"/api/reporting/activities/{id}", TestContext.Current.CancellationToken);
        using var change = await Send(other, HttpMethod.Delete, $"/api/reporting/activities/{id}", null, null);
        using var submit = await other.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", new { results = "Báo cáo thay" }, cancellationToken: TestContext.Current.CancellationToken);
        using var accept = await other.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report/accept", new { }, cancellationToken: TestContext.Current.CancellationToken);
        using var progress = await other.GetAsync($"/api/reporting/plans/{planId}/progress", TestContext.Current.CancellationToken);
        using var compile = await school.PostAsJsonAsync($"/api/reporting/plans/{planId}/ward-report", new { }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, progress.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, compile.StatusCode);
        var report = await school.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("open", report.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_report_after_the_units_report_was_accepted_is_409()
    {
        var (planId, school) = await PlanWithSchool();
        var officer = service.CreateClient(TestTokens.WardOfficer(_feed.Ward));
        using (var submitted = await school.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", new { results = "Đã tổ chức." }, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
            Assert.False((await submitted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("onTime").GetBoolean()); // due 15/10/2026, long past
        }

        using (var accepted = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report/accept", new { }, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        using var late = await school.PostAsync("/api/reporting/activities", Json(Activity(planId)), TestContext.Current.CancellationToken);
        using var returnWithoutReason = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report/return", new { }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("unit-report-accepted", await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.BadRequest, returnWithoutReason.StatusCode);
    }

    [Fact]
    public async Task A_report_racing_the_acceptance_of_its_units_report_is_refused_when_the_acceptance_commits_first()
    {
        var (planId, school) = await PlanWithSchool();
        await Submit(school, planId);

        using var late = await WhileAcceptanceCommits(planId, () => school.PostAsync("/api/reporting/activities", Json(Activity(planId))));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("unit-report-accepted", await late.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await using var query = service.Factory.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        Assert.False(await Marten.QueryableExtensions.AnyAsync(query.Query<Activities.ActivityReport>(), report => report.PlanId == planId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_correction_racing_the_acceptance_of_its_units_report_is_refused_when_the_acceptance_commits_first()
    {
        var (planId, school) = await PlanWithSchool();
        using var created = await school.PostAsync("/api/reporting/activities", Json(Activity(planId)), TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var corrected = Activity(planId);
        corrected["title"] = "Ngày hội văn hoá đọc (sửa)";
        await Submit(school, planId);

        using var late = await WhileAcceptanceCommits(planId, () => Send(school, HttpMethod.Put, $"/api/reporting/activities/{id}", corrected, created.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var stored = await school.GetFromJsonAsync<JsonElement>($"/api/reporting/activities/{id}", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Ngày hội văn hoá đọc", stored.GetProperty("title").GetString());
    }

    private static async Task Submit(HttpClient school, Guid planId)
    {
        using var submitted = await school.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", new { results = "Đã tổ chức." }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
    }

    /// <summary>
    /// Sends <paramref name="request"/> while an acceptance of TH-TAMHUNG's report is being
    /// committed: the acceptance holds its stream's row, as appending does, until the request is
    /// seen waiting for a lock (or has answered without waiting), and then commits.
    /// </summary>
    private async Task<HttpResponseMessage> WhileAcceptanceCommits(Guid planId, Func<Task<HttpResponseMessage>> request)
    {
        var store = service.Factory.Services.GetRequiredService<Marten.IDocumentStore>();
        await using var acceptance = store.LightweightSession();
        var stream = await acceptance.Events.FetchForExclusiveWriting<UnitReports.UnitReport>(UnitReports.UnitReport.StreamId(planId, "TH-TAMHUNG"), TestContext.Current.CancellationToken);
        var report = stream.Aggregate!;
        stream.AppendOne(new UnitReports.UnitReportAccepted(planId, report.UnitCode, report.WardCode, report.Revision, null, DateTimeOffset.UtcNow, "test-officer"));

        var sent = request();
        await using var watcher = service.Factory.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
        await Eventually.Get(async () => sent.IsCompleted || (long)(await watcher.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0, until: ready => ready);
        await acceptance.SaveChangesAsync(TestContext.Current.CancellationToken);
        return await sent;
    }

    [Fact]
    public async Task A_correction_stores_the_new_content_only_and_the_history_reads_each_revision_from_the_events()
    {
        var (planId, school) = await PlanWithSchool();
        var body = Activity(planId);
        body["location"] = "Địa điểm lần 1";
        using var created = await school.PostAsync("/api/reporting/activities", Json(body), TestContext.Current.CancellationToken);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        var etag = created.Headers.ETag!.Tag;
        for (var revision = 2; revision <= 3; revision++)
        {
            body["location"] = $"Địa điểm lần {revision}";
            using var corrected = await Send(school, HttpMethod.Put, $"/api/reporting/activities/{id}", body, etag);
            Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
            etag = corrected.Headers.ETag!.Tag;
        }

        await using var query = service.Factory.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var stored = await query.Json.FindByIdAsync<Activities.ActivityReport>(id, TestContext.Current.CancellationToken);
        var report = await school.GetFromJsonAsync<JsonElement>($"/api/reporting/activities/{id}", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("Địa điểm lần 3", stored);
        Assert.DoesNotContain("Địa điểm lần 1", stored);
        Assert.DoesNotContain("Địa điểm lần 2", stored);
        Assert.Equal(["Địa điểm lần 1", "Địa điểm lần 2", "Địa điểm lần 3"],
            report.GetProperty("history").EnumerateArray().Select(r => r.GetProperty("content").GetProperty("location").GetString()));
    }

    [Fact]
    public async Task Bad_unit_report_narratives_are_named()
    {
        var (planId, school) = await PlanWithSchool();

        using var missing = await school.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", new { highlights = "Tốt" }, cancellationToken: TestContext.Current.CancellationToken);
        using var tooLong = await school.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", new { results = new string('x', 8001) }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains("results", (await missing.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var report = await school.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, report.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_mass_organisation_the_plan_does_not_ask_to_report_reports_voluntarily_counted_but_never_missing_or_late()
    {
        // Registered before the plan is issued: the service knows the unit by the time the plan's obligations are open.
        await _feed.Publish(_feed.Registered("HPN-TUNGUYEN", "mass-organisation", PlanningFeed.NextSequence()));
        var (planId, _) = await PlanWithSchool();
        var union = service.CreateClient(TestTokens.Unit("HPN-TUNGUYEN", _feed.Ward));
        var officer = service.CreateClient(TestTokens.WardOfficer(_feed.Ward));
        var activity = Activity(planId);
        activity["participants"] = JsonNode.Parse("""{"residents": 80, "members": 45}""");

        using var first = await union.PostAsync("/api/reporting/activities", Json(activity), TestContext.Current.CancellationToken);
        using var second = await union.PostAsync("/api/reporting/activities", Json(activity), TestContext.Current.CancellationToken);
        using var summary = await union.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/HPN-TUNGUYEN/report", new { results = "Đã tuyên truyền." }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, summary.StatusCode);
        var progress = await Eventually.Get(
            () => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: p => p.GetProperty("activityReports").GetInt32() == 2);
        var ward = progress.GetProperty("ward");
        Assert.Equal((2, 2), (ward.GetProperty("expected").GetInt32(), ward.GetProperty("notSubmitted").GetInt32())); // the two schools only
        Assert.Equal(90, progress.GetProperty("participants").GetProperty("members").GetInt64());
        var row = progress.GetProperty("units").EnumerateArray().Single(unit => unit.GetProperty("unitCode").GetString() == "HPN-TUNGUYEN");
        Assert.False(row.GetProperty("expected").GetBoolean());
        Assert.True(row.GetProperty("voluntary").GetBoolean());
        Assert.Equal(2, row.GetProperty("activityReports").GetInt32());
        Assert.DoesNotContain(progress.GetProperty("byKind").EnumerateArray(), kind => kind.GetProperty("kind").GetString() == "mass-organisation");
    }

    private async Task<(Guid PlanId, HttpClient School)> PlanWithSchool(string unitKind = "primary")
    {
        var planId = Guid.NewGuid();
        await _feed.Publish(_feed.Issued(planId, PlanningFeed.NextSequence(), ("TH-TAMHUNG", unitKind), ("TH-LAPLE", "primary")));
        var school = service.CreateClient(TestTokens.Unit("TH-TAMHUNG", _feed.Ward));
        await Eventually.Get(async () => (await school.GetAsync($"/api/reporting/plans/{planId}/units/TH-TAMHUNG/report")).StatusCode,
            until: status => status == HttpStatusCode.OK);
        return (planId, school);
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, JsonObject? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }
}
