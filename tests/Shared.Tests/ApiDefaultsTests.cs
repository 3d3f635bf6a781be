using System.Net;
using System.Net.Http.Json;
using System.Text;
using LearningWeek.Testing;
using Marten;

namespace LearningWeek.Shared.Tests;

public sealed class ApiDefaultsTests(ProbeHost probe) : IClassFixture<ProbeHost>
{
    [Fact]
    public async Task A_unit_writing_for_another_unit_is_refused_and_nothing_is_stored()
    {
        using var response = await probe.CreateClient(TestTokens.Unit("TH-TAMHUNG"))
            .PostAsJsonAsync("/api/probe/units/TH-LAPLE/notes", new { text = "Ghi chú" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var query = probe.Store.QuerySession();
        Assert.False(await query.Events.QueryRawEventDataOnly<ProbeHost.NoteAdded>().AnyAsync(e => e.UnitCode == "TH-LAPLE", token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_unit_writes_for_itself_and_its_ward_officer_for_it()
    {
        using var own = await probe.CreateClient(TestTokens.Unit("THCS-LAPLE"))
            .PostAsJsonAsync("/api/probe/units/THCS-LAPLE/notes", new { text = "Của trường" }, cancellationToken: TestContext.Current.CancellationToken);
        using var officer = await probe.CreateClient(TestTokens.WardOfficer())
            .PostAsJsonAsync("/api/probe/units/THCS-LAPLE/notes", new { text = "Của phường" }, cancellationToken: TestContext.Current.CancellationToken);
        using var otherWard = await probe.CreateClient(TestTokens.WardOfficer(ward: "HP-OTHER"))
            .PostAsJsonAsync("/api/probe/units/THCS-LAPLE/notes", new { text = "Phường khác" }, cancellationToken: TestContext.Current.CancellationToken);
        using var city = await probe.CreateClient(TestTokens.City())
            .PostAsJsonAsync("/api/probe/units/THCS-LAPLE/notes", new { text = "Thành phố" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.Created, officer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherWard.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, city.StatusCode);
    }

    [Fact]
    public async Task One_idempotency_key_sent_100_times_at_once_creates_once_and_answers_the_same_each_time()
    {
        var client = probe.CreateClient(TestTokens.Unit("MN-TAMHUNG"));
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/probe/units/MN-TAMHUNG/notes")
            {
                Content = JsonContent.Create(new { text = "Ngày hội đọc sách" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Location: response.Headers.Location?.ToString(), Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.Created, response.StatusCode));
        Assert.Single(responses.Select(response => response.Body).Distinct());
        Assert.Single(responses.Select(response => response.Location).Distinct());
        await using var query = probe.Store.QuerySession();
        Assert.Equal(1, await query.Events.QueryRawEventDataOnly<ProbeHost.NoteAdded>().CountAsync(e => e.UnitCode == "MN-TAMHUNG", token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_creates_nothing_more()
    {
        var client = probe.CreateClient(TestTokens.Unit("MN-PHUCLE"));
        var key = Guid.NewGuid().ToString();

        using var first = await Post(client, "/api/probe/units/MN-PHUCLE/notes", new { text = "Lần đầu" }, key);
        using var again = await Post(client, "/api/probe/units/MN-PHUCLE/notes", new { text = "Lần đầu" }, key);
        using var other = await Post(client, "/api/probe/units/MN-PHUCLE/notes", new { text = "Nội dung khác" }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        await using var query = probe.Store.QuerySession();
        Assert.Equal(1, await query.Events.QueryRawEventDataOnly<ProbeHost.NoteAdded>().CountAsync(e => e.UnitCode == "MN-PHUCLE", token: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_answer_that_says_try_again_is_not_kept_as_the_keys_answer()
    {
        var client = probe.CreateClient(TestTokens.Unit("TH-PHULE"));
        var key = Guid.NewGuid().ToString();
        var name = Guid.NewGuid().ToString("N");

        using var first = await Post(client, $"/api/probe/attempts/{name}", new { }, key);
        using var retry = await Post(client, $"/api/probe/attempts/{name}", new { }, key);
        using var again = await Post(client, $"/api/probe/attempts/{name}", new { }, key);

        Assert.Equal(HttpStatusCode.Conflict, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode); // ran again, not the 409 replayed
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task The_same_key_with_another_if_match_is_another_request()
    {
        var client = probe.CreateClient(TestTokens.Unit("TH-TAMHUNG"));
        var key = Guid.NewGuid().ToString();

        using var first = await Post(client, "/api/probe/units/TH-TAMHUNG/notes", new { text = "Phiên bản 1" }, key, ifMatch: "\"1\"");
        using var other = await Post(client, "/api/probe/units/TH-TAMHUNG/notes", new { text = "Phiên bản 1" }, key, ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
    }

    [Fact]
    public async Task Of_two_requests_taking_over_an_abandoned_key_at_once_exactly_one_runs()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var options = Microsoft.Extensions.Options.Options.Create(new LearningWeek.ApiDefaults.Idempotency.IdempotencyOptions());
        var store = new LearningWeek.EventSourcing.MartenIdempotencyStore(probe.Store, clock, options);
        var key = $"probe|{Guid.NewGuid()}";
        Assert.IsType<LearningWeek.ApiDefaults.Idempotency.IdempotencyClaim.Acquired>(await store.ClaimAsync(key, "f", TestContext.Current.CancellationToken));
        clock.Now += options.Value.AbandonAfter + TimeSpan.FromSeconds(1); // its owner died without finishing

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.ClaimAsync(key, "f", TestContext.Current.CancellationToken)));

        Assert.Single(claims, claim => claim is LearningWeek.ApiDefaults.Idempotency.IdempotencyClaim.Acquired);
    }

    [Fact]
    public async Task A_retry_after_a_crash_between_the_effect_and_the_answer_does_not_store_it_again()
    {
        var client = probe.CreateClient(TestTokens.Unit("TH-PHULE"));
        var key = Guid.NewGuid().ToString();
        var text = $"Ghi chú trước sự cố {key}";

        using var crashed = await Post(client, "/api/probe/units/TH-PHULE/notes-then-crash", new { text }, key);
        probe.Clock.Now += new LearningWeek.ApiDefaults.Idempotency.IdempotencyOptions().AbandonAfter + TimeSpan.FromSeconds(1);
        using var retried = await Post(client, "/api/probe/units/TH-PHULE/notes-then-crash", new { text }, key);
        using var again = await Post(client, "/api/probe/units/TH-PHULE/notes-then-crash", new { text }, key);

        Assert.Equal(HttpStatusCode.InternalServerError, crashed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, retried.StatusCode);
        Assert.Contains("urn:learningweek:problem:idempotency-answer-lost", await retried.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var query = probe.Store.QuerySession();
        Assert.Equal(1, await query.Events.QueryRawEventDataOnly<ProbeHost.NoteAdded>().CountAsync(e => e.Text == text, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_takeover_never_reruns_a_stored_effect_and_an_expired_key_is_new()
    {
        var clock = new SettableClock(DateTimeOffset.UtcNow);
        var options = Microsoft.Extensions.Options.Options.Create(new LearningWeek.ApiDefaults.Idempotency.IdempotencyOptions());
        var store = new LearningWeek.EventSourcing.MartenIdempotencyStore(probe.Store, clock, options);
        var key = $"probe|{Guid.NewGuid()}";
        Assert.IsType<LearningWeek.ApiDefaults.Idempotency.IdempotencyClaim.Acquired>(await store.ClaimAsync(key, "f", TestContext.Current.CancellationToken));

        var scope = LearningWeek.ApiDefaults.Idempotency.IdempotencyScope.Begin(key);
        await using (var session = probe.Store.LightweightSession())
        {
            session.Events.StartStream<ProbeHost.Note>(Guid.NewGuid(), new ProbeHost.NoteAdded(Guid.NewGuid(), "TH-PHULE", key));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        LearningWeek.ApiDefaults.Idempotency.IdempotencyScope.End();
        Assert.True(scope.EffectCommitted);
        clock.Now += options.Value.AbandonAfter + TimeSpan.FromSeconds(1);
        Assert.IsType<LearningWeek.ApiDefaults.Idempotency.IdempotencyClaim.AnswerLost>(await store.ClaimAsync(key, "f", TestContext.Current.CancellationToken));
        Assert.IsType<LearningWeek.ApiDefaults.Idempotency.IdempotencyClaim.Mismatch>(await store.ClaimAsync(key, "another body", TestContext.Current.CancellationToken));

        clock.Now += options.Value.Retention;
        Assert.IsType<LearningWeek.ApiDefaults.Idempotency.IdempotencyClaim.Acquired>(await store.ClaimAsync(key, "f", TestContext.Current.CancellationToken));
        var rerun = LearningWeek.ApiDefaults.Idempotency.IdempotencyScope.Begin(key);
        await using (var session = probe.Store.LightweightSession())
        {
            session.Events.StartStream<ProbeHost.Note>(Guid.NewGuid(), new ProbeHost.NoteAdded(Guid.NewGuid(), "TH-PHULE", key));
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        LearningWeek.ApiDefaults.Idempotency.IdempotencyScope.End();
        Assert.True(rerun.EffectCommitted);
    }

    [Fact]
    public async Task A_burst_of_anonymous_health_requests_runs_the_checks_once_or_twice()
    {
        var client = probe.CreateClient();
        var before = probe.HealthChecksRun;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.GetAsync("/health", TestContext.Current.CancellationToken)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.InRange(probe.HealthChecksRun - before, 0, 2); // one report per 2 s; the burst may straddle two
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Keys_are_per_client_so_two_clients_with_one_key_each_create()
    {
        var key = Guid.NewGuid().ToString();

        using var unit = await Post(probe.CreateClient(TestTokens.Unit("TH-PHULE")), "/api/probe/units/TH-PHULE/notes", new { text = "Một" }, key);
        using var officer = await Post(probe.CreateClient(TestTokens.WardOfficer()), "/api/probe/units/TH-PHULE/notes", new { text = "Một" }, key);

        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        Assert.Equal(HttpStatusCode.Created, officer.StatusCode);
        Assert.NotEqual(unit.Headers.Location, officer.Headers.Location);
    }

    [Fact]
    public async Task An_invalid_idempotency_key_is_a_400_naming_the_header()
    {
        using var response = await Post(probe.CreateClient(TestTokens.Unit("TH-PHULE")), "/api/probe/units/TH-PHULE/notes", new { text = "x" }, new string('k', 300));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_with_a_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/probe/echo")
        {
            Content = new StringContent(new string('a', (int)ProbeHost.BodyLimit + 1), Encoding.UTF8, "text/plain"),
        };
        request.Headers.ExpectContinue = true; // the 413 comes before the body is read; the body is never sent
        using var response = await probe.CreateClient(TestTokens.Unit("TH-PHULE")).SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unexpected_error_is_a_500_problem_without_message_sql_or_stack()
    {
        using var response = await probe.CreateClient(TestTokens.Ops()).GetAsync("/api/probe/boom", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("urn:learningweek:problem:internal", body);
        Assert.DoesNotContain("SELECT", body);
        Assert.DoesNotContain("Probe.Boom", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }

    [Fact]
    public async Task A_database_that_is_down_is_a_503_problem_with_retry_after_and_no_internals()
    {
        using var response = await probe.CreateClient(TestTokens.Ops()).GetAsync("/api/probe/database-down", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("urn:learningweek:problem:unavailable", body);
        Assert.DoesNotContain("10.0.0.5", body);
    }

    [Fact]
    public async Task A_value_the_database_cannot_store_is_a_400_not_an_outage_and_nothing_is_stored()
    {
        // The probe's note has no text rules, so the NUL reaches PostgreSQL, which refuses it (SQLSTATE 22P05).
        using var response = await probe.CreateClient(TestTokens.Unit("MN-NAMTRIEU"))
            .PostAsJsonAsync("/api/probe/units/MN-NAMTRIEU/notes", new { text = "Ghi\u0000chú" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Retry-After"));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("urn:learningweek:problem:malformed-request", body);
        Assert.DoesNotContain("22P05", body);
        await using var query = probe.Store.QuerySession();
        Assert.False(await query.Events.QueryRawEventDataOnly<ProbeHost.NoteAdded>().AnyAsync(e => e.UnitCode == "MN-NAMTRIEU", token: TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/api/probe/echo?note=a%00b", "note")]
    [InlineData("/api/probe/echo?note=a%07b", "note")]
    [InlineData("/api/probe/units/TH-A%07B/notes", "unitCode")] // a NUL in the path Kestrel itself refuses with 400
    public async Task A_control_character_in_the_path_or_query_is_a_400_naming_the_parameter(string path, string parameter)
    {
        using var response = await probe.CreateClient(TestTokens.WardOfficer())
            .PostAsJsonAsync(path, new { text = "Ghi chú" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem names {parameter}");
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_the_callers_correlation_id_and_security_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/probe/nothing");
        request.Headers.Add("X-Correlation-Id", "truong-th-tamhung-42");
        using var response = await probe.CreateClient(TestTokens.Ops()).SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Matches("^[0-9a-f]{32}$", response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("truong-th-tamhung-42", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
        var problem = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(response.Headers.GetValues("X-Request-Id").Single(), problem);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, object body, string key, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }
}
