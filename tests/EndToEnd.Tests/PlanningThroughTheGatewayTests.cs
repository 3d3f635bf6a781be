using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>Planning as the ward and a city system meet it on a running system.</summary>
[Collection(LocalSystemCollection.Name)]
public sealed class PlanningThroughTheGatewayTests(LocalSystem system)
{
    [Fact]
    public async Task The_issued_Nam_Trieu_2025_plan_is_there_with_its_six_lines_both_deadlines_and_its_units()
    {
        var client = await Client("TH-TAMHUNG");

        var plans = await Eventually.Get(
            () => client.GetFromJsonAsync<JsonElement>("/api/planning/plans?year=2025"),
            until: page => page.GetProperty("items").GetArrayLength() > 0);
        var id = plans.GetProperty("items")[0].GetProperty("id").GetGuid();
        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/planning/plans/{id}", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("issued", plan.GetProperty("status").GetString());
        Assert.Equal("Kế hoạch tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2025", plan.GetProperty("title").GetString());
        Assert.Equal(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6"], plan.GetProperty("activityLines").EnumerateArray().Select(line => line.GetProperty("code").GetString()));
        var deadlines = plan.GetProperty("deadlines");
        Assert.Equal("trước ngày 15/10/2025", deadlines.GetProperty("unitsReportText").GetString());
        Assert.Equal("2025-10-15T00:00:00+07:00", deadlines.GetProperty("unitsReportDueAt").GetString());
        Assert.Equal("trước ngày 20/10/2025", deadlines.GetProperty("wardReportText").GetString());
        Assert.Equal("2025-10-20T00:00:00+07:00", deadlines.GetProperty("wardReportDueAt").GetString());
        Assert.Contains(plan.GetProperty("targetUnits").EnumerateArray(), unit => unit.GetProperty("unitCode").GetString() == "TH-TAMHUNG");

        // The ward's 15 units of the sample (other tests of this system may add units of their own).
        var units = await client.GetFromJsonAsync<JsonElement>("/api/planning/units?limit=100", cancellationToken: TestContext.Current.CancellationToken);
        string[] sample = ["UBND-NAMTRIEU", "MN-TAMHUNG", "MN-PHUCLE", "TH-TAMHUNG", "TH-PHULE", "TH-LAPLE", "THCS-TAMHUNG", "THCS-LAPLE",
            "MTTQ-NAMTRIEU", "HPN-NAMTRIEU", "DTN-NAMTRIEU", "CCB-NAMTRIEU", "HKH-NAMTRIEU", "NVH-TDP3", "NVH-TDP7"];
        Assert.Subset(units.GetProperty("items").EnumerateArray().Select(unit => unit.GetProperty("code").GetString()!).ToHashSet(), sample.ToHashSet());
    }

    [Fact]
    public async Task A_city_systems_queue_bound_to_PlanIssued_receives_a_plan_issued_through_the_gateway()
    {
        await using var city = await OutsideSubscriber.StartAsync(system.Servers.AdministratorOn(system.VirtualHost), typeof(LearningWeek.Contracts.Planning.PlanIssued));
        var officer = await Client("ward-officer");

        using var drafted = await officer.PostAsJsonAsync("/api/planning/plans", new
        {
            title = "Kế hoạch Tuần lễ học tập suốt đời năm 2027",
            year = 2027,
            issuingBody = "Ủy ban nhân dân phường Nam Triệu",
            place = "Nam Triệu",
            legalBasis = new { decisionNumber = "101/QĐ-UBND", decisionDate = "2027-09-01", issuer = "UBND thành phố Hải Phòng" },
            period = new { start = "2027-10-01", end = "2027-10-07" },
            deadlines = new { unitsReportBefore = "2027-10-15", wardReportBefore = "2027-10-20" },
        }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>(cancellationToken: TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
        using (var line = await officer.PostAsJsonAsync($"/api/planning/plans/{id}/activity-lines", new { code = "3.2", title = "Tuyên truyền" }, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, line.StatusCode);
        }

        using (var schools = await officer.PostAsJsonAsync($"/api/planning/plans/{id}/responsibilities", new
        {
            title = "Các đơn vị trường học",
            kinds = new[] { "kindergarten", "primary", "lower-secondary" },
            duties = new[] { "Báo cáo kết quả về UBND phường." },
            reporting = "to-ward",
        }, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Created, schools.StatusCode);
        }

        using var issued = await officer.PostAsJsonAsync($"/api/planning/plans/{id}/issue", new { number = "12/KH-UBND" }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);

        var received = await city.WaitFor(messages => messages.Any(m => m.Message.GetProperty("planId").GetGuid() == id));
        var message = Assert.Single(received, m => m.Message.GetProperty("planId").GetGuid() == id);
        Assert.Equal("learningweek.planning.plan-issued.v1", message.MessageType);
        // A CloudEvent 1.0 with the stored event's id, and nothing of the machine, process or library.
        Assert.Equal("1.0", message.CloudEvent.GetProperty("specversion").GetString());
        Assert.Equal("urn:learningweek:planning", message.CloudEvent.GetProperty("source").GetString());
        Assert.Equal($"plans/{id}", message.CloudEvent.GetProperty("subject").GetString());
        Assert.Equal(message.Message.GetProperty("sourceEventId").GetString(), message.MessageId);
        Assert.DoesNotContain(Environment.MachineName, message.CloudEvent.GetRawText(), StringComparison.OrdinalIgnoreCase);
        // The only AMQP headers: the W3C trace context (for tracing across services) and the
        // client's publish sequence number; no host, process or library version anywhere.
        Assert.All(message.Headers, header =>
        {
            Assert.Contains(header.Key, new[] { "MT-Activity-Id", "x-dotnet-pub-seq-no" });
            Assert.DoesNotContain(Environment.MachineName, $"{header.Value}", StringComparison.OrdinalIgnoreCase);
        });
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", $"{message.Headers["MT-Activity-Id"]}");
        Assert.Equal(7, message.Message.GetProperty("targetUnits").GetArrayLength());
        Assert.Equal("2027-10-15T00:00:00+07:00", message.Message.GetProperty("unitsReportDueAt").GetString());
    }

    private Task<HttpClient> Client(string clientId) => system.SignedInClientAsync(clientId);
}
