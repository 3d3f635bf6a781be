using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Contracts;
using LearningWeek.Testing;
using Planning = LearningWeek.Contracts.Planning;
using Reporting = LearningWeek.Contracts.Reporting;
using Fund = LearningWeek.Contracts.LibraryFund;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>
/// The Week in Nam Triệu through the gateway, from a plan issued and amended to the ward's report
/// sent to the city and the plan closed, with donations on the way (on a plan of its own, so the
/// other tests' units and plans are left as they were); a city system bound to every contract
/// exchange counts what it receives: exactly one event per thing done, of each type, after
/// de-duplication by id, and nothing else about this plan.
/// </summary>
[Collection(LocalSystemCollection.Name)]
public sealed class EventCountTests(LocalSystem system)
{
    private static readonly CancellationToken Cancel = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_step_of_the_week_reaches_a_city_subscriber_exactly_once_per_type()
    {
        await using var city = await OutsideSubscriber.StartAsync(system.Servers.AdministratorOn(system.VirtualHost), [.. ContractNames.All]);
        var officer = await system.SignedInClientAsync("ward-officer");
        var planId = await IssuePlan(officer);
        // The units get a week more (an amendment with its reason).
        (await Created(officer.PostAsJsonAsync($"/api/planning/plans/{planId}/amendments",
            new { reason = "Gia hạn để các đơn vị hoàn thiện minh chứng", unitsReportBefore = "2027-01-05" }, Cancel))).Dispose();
        await Eventually.Get(() => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{planId}/progress"),
            until: progress => progress.GetProperty("ward").GetProperty("expected").GetInt32() > 0, TimeSpan.FromSeconds(30));

        foreach (var (unit, students, residents) in new[] { ("THCS-TAMHUNG", 150, 0), ("DTN-NAMTRIEU", 0, 60) })
        {
            var client = await system.SignedInClientAsync(unit);
            var activity = new
            {
                planId,
                lineCode = "3.2",
                title = "Ngày hội đọc sách",
                heldOn = "2026-11-25",
                location = "Nhà văn hoá Tổ dân phố số 3",
                participants = new { students, residents },
                sessions = 1,
            };
            using var reported = await Created(client.PostAsJsonAsync("/api/reporting/activities", activity, Cancel));
            if (unit == "THCS-TAMHUNG")
            {
                var id = (await reported.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
                using var correction = new HttpRequestMessage(HttpMethod.Put, $"/api/reporting/activities/{id}")
                {
                    Content = JsonContent.Create(activity with { participants = new { students = 180, residents } }),
                };
                correction.Headers.TryAddWithoutValidation("If-Match", reported.Headers.ETag!.Tag);
                using var corrected = await client.SendAsync(correction, Cancel);
                Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
            }

            using var submitted = await Created(client.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/{unit}/report", new { results = "Đã tổ chức hoạt động." }, Cancel));
            using var accepted = await officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/units/{unit}/report/accept", new { }, Cancel);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        // The fund opens when PlanIssued reaches LibraryFund.
        using var pledged = await Eventually.Get(
            () => officer.PostAsJsonAsync("/api/library-fund/pledges", new
            {
                planId,
                donor = new { kind = "organisation", name = "Công ty TNHH Vận tải biển Nam Triệu", contact = "phongketoan@vantainamtrieu.vn" },
                giftKind = "money",
                quantity = 20_000_000,
                beneficiaryUnitCode = "TH-TAMHUNG",
            }),
            until: response => response.StatusCode != HttpStatusCode.NotFound, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, pledged.StatusCode);
        var pledgeId = (await pledged.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var school = await system.SignedInClientAsync("TH-TAMHUNG");
        using var shelf = await Created(school.PostAsJsonAsync("/api/library-fund/bookshelves", new
        {
            planId,
            kind = "classroom",
            name = "Tủ sách lớp 5A",
            location = "Lớp 5A",
            establishedOn = "2026-11-24",
        }, Cancel));
        var shelfId = (await shelf.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var received = await Created(officer.PostAsJsonAsync($"/api/library-fund/pledges/{pledgeId}/receipts",
            new { receiptNumber = $"PT-{pledgeId:N}"[..20], receivedOn = "2026-11-26", quantity = 15_000_000 }, Cancel));
        using var allocated = await Created(officer.PostAsJsonAsync($"/api/library-fund/pledges/{pledgeId}/allocations", new { bookshelfId = shelfId, quantity = 10_000_000 }, Cancel));

        using var compiled = await Created(officer.PostAsJsonAsync($"/api/reporting/plans/{planId}/ward-report", new { number = "31/BC-UBND" }, Cancel));
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/reporting/plans/{planId}/ward-report/submit");
        submit.Headers.TryAddWithoutValidation("If-Match", compiled.Headers.ETag!.Tag);
        using var sent = await officer.SendAsync(submit, Cancel);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        using var closed = await officer.PostAsJsonAsync($"/api/planning/plans/{planId}/close", new { reason = "Đã tổng kết Tuần lễ" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);

        var expected = new Dictionary<string, int>
        {
            [ContractNames.TypeOf(typeof(Planning.PlanIssued))] = 1,
            [ContractNames.TypeOf(typeof(Planning.PlanAmended))] = 1,
            [ContractNames.TypeOf(typeof(Planning.PlanClosed))] = 1,
            [ContractNames.TypeOf(typeof(Reporting.ActivityReported))] = 2,
            [ContractNames.TypeOf(typeof(Reporting.ActivityReportCorrected))] = 1,
            [ContractNames.TypeOf(typeof(Reporting.UnitReportSubmitted))] = 2,
            [ContractNames.TypeOf(typeof(Reporting.UnitReportAccepted))] = 2,
            [ContractNames.TypeOf(typeof(Fund.DonationPledged))] = 1,
            [ContractNames.TypeOf(typeof(Fund.BookshelfEstablished))] = 1,
            [ContractNames.TypeOf(typeof(Fund.DonationReceived))] = 1,
            [ContractNames.TypeOf(typeof(Fund.DonationAllocated))] = 1,
            [ContractNames.TypeOf(typeof(Reporting.WardReportSubmitted))] = 1,
        };
        bool Ours(ReceivedMessage message) =>
            message.Message.TryGetProperty("planId", out var plan) && plan.ValueKind == JsonValueKind.String && plan.GetGuid() == planId;
        Dictionary<string, int> Count(IEnumerable<ReceivedMessage> messages) =>
            messages.Where(Ours).GroupBy(message => message.MessageType).ToDictionary(group => group.Key, group => group.Count());

        var all = await city.WaitFor(messages => expected.All(pair => Count(messages).GetValueOrDefault(pair.Key) >= pair.Value), TimeSpan.FromSeconds(60));
        Assert.Equal(expected.OrderBy(pair => pair.Key), Count(all).OrderBy(pair => pair.Key)); // de-duplicated by id: each thing done once, nothing more
    }

    private static async Task<Guid> IssuePlan(HttpClient officer)
    {
        using var drafted = await Created(officer.PostAsJsonAsync("/api/planning/plans", new
        {
            title = "Kế hoạch hưởng ứng Tuần lễ học tập suốt đời cuối năm 2026",
            year = 2026,
            issuingBody = "Ủy ban nhân dân phường Nam Triệu",
            place = "Nam Triệu",
            legalBasis = new { decisionNumber = "131/QĐ-UBND", decisionDate = "2026-11-02", issuer = "UBND thành phố Hải Phòng" },
            period = new { start = "2026-11-23", end = "2026-11-29" },
            deadlines = new { unitsReportBefore = "2026-12-31", wardReportBefore = "2027-01-10" },
        }, Cancel));
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        (await Created(officer.PostAsJsonAsync($"/api/planning/plans/{id}/activity-lines", new { code = "3.2", title = "Tuyên truyền" }, Cancel))).Dispose();
        (await Created(officer.PostAsJsonAsync($"/api/planning/plans/{id}/responsibilities", new
        {
            title = "Các đơn vị trường học",
            kinds = new[] { "kindergarten", "primary", "lower-secondary" },
            duties = new[] { "Báo cáo kết quả về UBND phường." },
            reporting = "to-ward",
        }, Cancel))).Dispose();
        (await Created(officer.PostAsJsonAsync($"/api/planning/plans/{id}/responsibilities", new
        {
            title = "Các tổ chức chính trị - xã hội",
            kinds = new[] { "fatherland-front", "mass-organisation" },
            duties = new[] { "Báo cáo kết quả về UBND phường." },
            reporting = "to-ward",
        }, Cancel))).Dispose();
        using var issued = await officer.PostAsJsonAsync($"/api/planning/plans/{id}/issue", new { number = "131/KH-UBND" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        return id;
    }

    private static async Task<HttpResponseMessage> Created(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
