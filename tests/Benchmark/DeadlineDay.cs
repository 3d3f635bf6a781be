using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;
using Npgsql;

namespace LearningWeek.Benchmark;

/// <summary>
/// S4, the deadline day: <see cref="BenchOptions.DeadlineUnits"/> schools, provisioned in bulk with
/// their own clients and tokens, each post ten activity reports and then their unit report through
/// the gateway. The submissions arrive in rounds (every school's first report, then every
/// school's second, …, then every unit report), first open loop at a fixed rate, then flat out.
/// Afterwards the audit: every accepted submission is in the store, counted in the progress, and
/// reached an outside subscriber exactly once after de-duplication.
/// </summary>
internal static class DeadlineDay
{
    public const int ActivitiesPerUnit = 10;

    /// <summary>The deadline day of the whole country: 50,000 schools, 11 submissions each.</summary>
    public const long Country = 50_000L * (ActivitiesPerUnit + 1);

    public static async Task RunAsync(BenchOptions options, Figures figures, Deployment deployment)
    {
        var units = options.DeadlineUnits;
        var submissions = (long)units * (ActivitiesPerUnit + 1);
        Console.WriteLine($"S4: the deadline day of {units:N0} schools ({submissions:N0} submissions through the gateway)");
        var ward = await Ward.SetUpAsync(deployment.Gateway, "HAN", units, "lower-secondary", parallel: 8, Console.WriteLine);
        await using var subscriber = await OutsideSubscriber.StartAsync(deployment.Subscriber,
            typeof(LearningWeek.Contracts.Reporting.ActivityReported), typeof(LearningWeek.Contracts.Reporting.UnitReportSubmitted));
        using var gateway = Http.Client(deployment.Gateway, options.Connections * 4);
        var accepted = new ConcurrentDictionary<Guid, string>();
        var submitted = new ConcurrentDictionary<string, byte>();
        var send = Submission(ward, gateway, accepted, submitted);

        Console.WriteLine($"resident after the setup: {deployment.ResidentNow()}");
        deployment.ResetPeakWorkingSets();
        var openCount = Math.Min(submissions, (long)(options.DeadlineRate * options.DeadlineOpenDuration.TotalSeconds));
        var open = await Load.OpenAsync(options.DeadlineRate, openCount, send);
        figures.Check("S4 open loop", open);
        var flatOut = await Load.ClosedCountAsync(options.Connections, openCount, submissions - openCount, send, deployment.ProcessIds);
        figures.Check("S4 flat out", flatOut);
        foreach (var (service, megabytes) in deployment.PeakWorkingSetMegabytes())
        {
            figures.Add(new Figure("M", $"peak working set under S4, {service}", megabytes, "MB", Target: "≤ 300 MB", Pass: megabytes <= 300));
        }

        var audit = await AuditAsync(deployment, ward, accepted, submitted, subscriber);
        figures.Errors.AddRange(audit.Problems.Select(problem => "S4 audit: " + problem));

        var p99 = open.Milliseconds(99);
        figures.Add(new Figure("S4", $"deadline day, open loop at {options.DeadlineRate:0}/s: p99", p99, "ms", Target: "≤ 250 ms",
            Pass: p99 <= 250 && open.Failed == 0, Note: open.Describe()));
        figures.Add(new Figure("S4", "deadline day, flat out", flatOut.PerSecond, "submissions/s", Target: "0 errors",
            Pass: open.Failed + flatOut.Failed == 0, Note: flatOut.Describe()));
        figures.Add(new Figure("S4", "audit: accepted submissions stored, counted, delivered once", accepted.Count + submitted.Count, "submissions", Target: "all of them",
            Pass: audit.Clean, Note: audit.Describe()));
        var minutes = Country / flatOut.PerSecond / 60;
        figures.Add(new Figure("S4", $"the country's deadline day ({Country:N0} submissions) at the flat-out rate", minutes, "min",
            Target: "≤ 10 min, p99 ≤ 250 ms", Pass: minutes <= 10 && flatOut.Milliseconds(99) <= 250,
            Note: $"needs {Country / 600.0:N0} submissions/s; flat out gave {flatOut.PerSecond:N0}/s at p99 {flatOut.Milliseconds(99):0} ms " +
                $"({flatOut.PerSecond * 600 / Country:P0} of the way)"));
    }

    /// <summary>
    /// Submission <c>n</c>: round <c>n / units</c> of school <c>n % units</c>; rounds 0–9 are its
    /// activity reports, round 10 its unit report. A 201 is remembered for the audit.
    /// </summary>
    private static Send Submission(Ward ward, HttpClient gateway, ConcurrentDictionary<Guid, string> accepted, ConcurrentDictionary<string, byte> submitted) =>
        async (sequence, cancellationToken) =>
        {
            var round = (int)(sequence / ward.Units.Count);
            var unit = ward.Units[(int)(sequence % ward.Units.Count)];
            using var request = round < ActivitiesPerUnit
                ? Http.Post("/api/reporting/activities", ward.ActivityJson(round + 1), unit.Token)
                : Http.Post($"/api/reporting/plans/{ward.PlanId}/units/{unit.Code}/report", Ward.UnitReportJson, unit.Token);
            using var response = await gateway.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return Http.Status(response);
            }

            if (round < ActivitiesPerUnit)
            {
                accepted[(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid()] = unit.Code;
            }
            else
            {
                submitted[unit.Code] = 0;
            }

            return null;
        };

    private static async Task<Audit> AuditAsync(
        Deployment deployment, Ward ward, ConcurrentDictionary<Guid, string> accepted, ConcurrentDictionary<string, byte> submitted, OutsideSubscriber subscriber)
    {
        var audit = new Audit(accepted.Count, submitted.Count);

        // In the store: each accepted activity report is a stream of ActivityReporting's.
        await using (var connection = new NpgsqlConnection(deployment.ReportingDatabase))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select count(*) from reporting.mt_streams where id = any(@ids)", connection);
            command.Parameters.AddWithValue("ids", accepted.Keys.ToArray());
            audit.Stored = (long)(await command.ExecuteScalarAsync())!;
        }

        // Counted in the progress (an asynchronous projection: it may need a moment to catch up).
        using var officer = Http.Client(deployment.Gateway, 2);
        officer.DefaultRequestHeaders.Authorization = new("Bearer", await Ward.TokenAsync(officer, "ward-officer", "local-ward-officer"));
        var perUnit = accepted.Values.GroupBy(code => code).ToDictionary(group => group.Key, group => group.Count());
        try
        {
            var progress = await Eventually.Get(
                () => officer.GetFromJsonAsync<JsonElement>($"/api/reporting/plans/{ward.PlanId}/progress"),
                until: body => body.GetProperty("activityReports").GetInt32() >= accepted.Count
                    && body.GetProperty("ward").GetProperty("submitted").GetInt32() >= submitted.Count,
                timeout: TimeSpan.FromMinutes(3));
            audit.Counted = progress.GetProperty("activityReports").GetInt32();
            audit.CountedSubmitted = progress.GetProperty("ward").GetProperty("submitted").GetInt32();
            audit.UnitsMiscounted = progress.GetProperty("units").EnumerateArray().Count(row =>
                row.GetProperty("activityReports").GetInt32() != perUnit.GetValueOrDefault(row.GetProperty("unitCode").GetString()!));
        }
        catch (TimeoutException e)
        {
            audit.Problems.Add(e.Message.Split('\n')[0]);
        }

        // Delivered: by the CloudEvent's id, once each after de-duplication, and one event per report.
        try
        {
            await subscriber.WaitFor(messages => messages.Count >= accepted.Count + submitted.Count, TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            // counted below
        }

        var received = subscriber.Received.ToList();
        var distinct = received.DistinctBy(message => message.MessageId).ToList();
        audit.Redelivered = received.Count - distinct.Count;
        var activityEvents = distinct.Where(message => message.MessageType == LearningWeek.Contracts.ContractNames.TypeOf(typeof(LearningWeek.Contracts.Reporting.ActivityReported)))
            .GroupBy(message => message.Message.GetProperty("activityReportId").GetGuid()).ToList();
        var unitReportEvents = distinct.Where(message => message.MessageType == LearningWeek.Contracts.ContractNames.TypeOf(typeof(LearningWeek.Contracts.Reporting.UnitReportSubmitted)))
            .GroupBy(message => message.Message.GetProperty("unitCode").GetString()!).ToList();
        audit.Delivered = activityEvents.Count(group => accepted.ContainsKey(group.Key)) + unitReportEvents.Count(group => submitted.ContainsKey(group.Key));
        audit.Duplicates = activityEvents.Count(group => group.Count() > 1) + unitReportEvents.Count(group => group.Count() > 1);
        audit.Check();
        return audit;
    }

    private sealed class Audit(long accepted, long submitted)
    {
        public long Stored { get; set; }

        public long Counted { get; set; } = -1;

        public long CountedSubmitted { get; set; } = -1;

        public int UnitsMiscounted { get; set; }

        public long Delivered { get; set; }

        public long Redelivered { get; set; }

        public long Duplicates { get; set; }

        public List<string> Problems { get; } = [];

        public bool Clean => Problems.Count == 0;

        public void Check()
        {
            Require(Stored == accepted, $"{Stored:N0} of {accepted:N0} accepted activity reports in the store");
            Require(Counted == accepted, $"the progress counts {Counted:N0} activity reports of {accepted:N0} accepted");
            Require(CountedSubmitted == submitted, $"the progress counts {CountedSubmitted:N0} unit reports submitted of {submitted:N0} accepted");
            Require(UnitsMiscounted == 0, $"{UnitsMiscounted:N0} units with a wrong count of activity reports in the progress");
            Require(Delivered == accepted + submitted, $"{Delivered:N0} of {accepted + submitted:N0} accepted submissions delivered to the outside subscriber");
            Require(Duplicates == 0, $"{Duplicates:N0} submissions published as more than one event");
        }

        public string Describe() =>
            $"{accepted:N0} activity reports and {submitted:N0} unit reports accepted; {Stored:N0} stored; progress counts {Counted:N0} and {CountedSubmitted:N0}; " +
            $"{Delivered:N0} delivered to an outside subscriber, {Duplicates:N0} published twice, {Redelivered:N0} redeliveries removed by de-duplication" +
            (Clean ? "" : "; " + string.Join("; ", Problems));

        private void Require(bool holds, string problem)
        {
            if (!holds)
            {
                Problems.Add(problem);
            }
        }
    }
}
