using System.Security.Claims;
using FluentValidation;
using LearningWeek.ActivityReporting.LibraryFund;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.ActivityReporting.UnitReports;
using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.ApiDefaults.Validation;
using LearningWeek.EventSourcing;
using Marten;
using LearningWeek.EventSourcing.Following;

namespace LearningWeek.ActivityReporting.WardReports;

/// <summary>
/// Tổng hợp báo cáo: the ward officer compiles the summary report from the progress figures, the
/// units' accepted narratives and the Library-Fund figures; it can be compiled again until it is
/// submitted.
/// </summary>
public static class CompileWardReport
{
    public static readonly IReadOnlyList<string> DefaultRecipients =
        ["Sở Giáo dục và Đào tạo", "TT Đảng ủy, HĐND phường", "Lãnh đạo UBND phường", "Lưu: VT"];

    public sealed record Request(string? Number, DateOnly? ReportDate, string? Assessment, string? Proposals, IReadOnlyList<string?>? Recipients, SignatureRequest? Signature);

    public sealed record SignatureRequest(string? Authority, string? OnBehalfOf, string? Position, string? Signer);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(request => request.Number).OptionalText(50);
            RuleFor(request => request.ReportDate).PlausibleDay();
            RuleFor(request => request.Assessment).OptionalText(8000, multiline: true);
            RuleFor(request => request.Proposals).OptionalText(8000, multiline: true);
            RuleFor(request => request.Recipients).Must(recipients => recipients is null || recipients.Count <= 30).WithMessage("Tối đa 30 nơi nhận.");
            RuleForEach(request => request.Recipients).RequiredText(200);
            When(request => request.Signature is not null, () =>
            {
                RuleFor(request => request.Signature!.Authority).RequiredText(100);
                RuleFor(request => request.Signature!.OnBehalfOf).OptionalText(100);
                RuleFor(request => request.Signature!.Position).RequiredText(100);
                RuleFor(request => request.Signature!.Signer).RequiredText(100);
            });
        }
    }

    public static Decision Decide(
        WardReport? current, ReportingPlan plan, Request request, ProgressResponse figures, FundSnapshot fund,
        IReadOnlyList<UnitReport> accepted, IReadOnlyDictionary<string, KnownUnit> units, Caller caller, DateTimeOffset now)
    {
        if (!caller.MayActForWard(plan.WardCode))
        {
            return DomainError.Forbidden("Chỉ cán bộ của phường tổng hợp báo cáo",
                "Chỉ cán bộ của phường ban hành kế hoạch mới được tổng hợp báo cáo của kế hoạch.", english: "Only an officer of the plan's ward compiles its report.");
        }

        if (current?.Status == WardReportStatus.Submitted)
        {
            return Frozen();
        }

        string NameOf(string code) => units.TryGetValue(code, out var unit) && unit.Name.Length > 0 ? unit.Name : code;
        IReadOnlyList<UnitQuote> Quotes(Func<Narrative, string?> pick) =>
            [.. accepted.OrderBy(report => UnitKinds.Order(report.UnitKind)).ThenBy(report => report.UnitCode, StringComparer.Ordinal)
                .Where(report => report.Narrative is not null && pick(report.Narrative) is not null)
                .Select(report => new UnitQuote(report.UnitCode, NameOf(report.UnitCode), pick(report.Narrative!)!))];

        var signature = request.Signature is { } s
            ? new Signature(s.Authority!.Trim(), s.OnBehalfOf?.Trim(), s.Position!.Trim(), s.Signer!.Trim())
            : plan.Signature ?? new Signature("TM. ỦY BAN NHÂN DÂN", null, "CHỦ TỊCH", "");
        var content = new WardReportContent(
            request.Number?.Trim() ?? current?.Content.Number,
            plan.ParentAuthority,
            plan.IssuingBody,
            plan.Place,
            request.ReportDate ?? VietnamTime.DayOf(now),
            $"Kết quả tổ chức Tuần lễ hưởng ứng học tập suốt đời năm {plan.Year}",
            plan.Title,
            plan.Number,
            plan.IssuedAt is { } issued ? VietnamTime.DayOf(issued) : null,
            plan.PeriodText,
            figures,
            fund,
            Quotes(narrative => narrative.Highlights),
            Quotes(narrative => narrative.Difficulties),
            Quotes(narrative => narrative.Proposals),
            string.IsNullOrWhiteSpace(request.Assessment) ? null : request.Assessment.Trim(),
            string.IsNullOrWhiteSpace(request.Proposals) ? null : request.Proposals.Trim(),
            request.Recipients is { Count: > 0 } recipients ? [.. recipients.Select(recipient => recipient!.Trim())] : DefaultRecipients,
            signature)
        {
            CityDecision = plan.CityDecision,
        };
        return Decision.Of(new WardReportCompiled(plan.Id, plan.WardCode, (current?.Revision ?? 0) + 1, content, now, caller.Actor));
    }

    public static DomainError Frozen() => DomainError.Conflict(
        "ward-report-submitted", "Báo cáo tổng hợp đã gửi Sở, không thể thay đổi",
        "Báo cáo tổng hợp của phường đã được gửi Sở nên không thể thay đổi.", english: "The ward report was submitted to the Department: it is frozen.");

    public static RouteHandlerBuilder Map(IEndpointRouteBuilder wardReport) =>
        wardReport.MapPost("/", Handle)
            .RequireAuthorization(Policies.WardOfficer)
            .Validates<Request>()
            .WithIdempotency()
            .Produces<WardReportResponse>(StatusCodes.Status201Created)
            .WithName("CompileWardReport")
            .WithSummary("Compile (again) the ward's summary report from the current progress, narratives and fund figures (ward officer)");

    private static async Task<IResult> Handle(
        Guid planId, Request request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ETags.TryReadIfMatch(http.Request, out var expected))
        {
            return CommandResults.BadIfMatch();
        }

        var plan = await session.LoadAsync<ReportingPlan>(planId, cancellationToken);
        if (plan is null || !plan.HeaderKnown)
        {
            return ReportingProblems.PlanNotFound(planId);
        }

        var figures = await GetProgress.LoadAsync(session, plan, cancellationToken);
        var fund = FundSnapshot.From(await session.LoadAsync<LibraryFundFigures>(planId, cancellationToken));
        var accepted = await session.Query<UnitReport>().Where(report => report.PlanId == planId && report.Status == UnitReportStatus.Accepted).ToListAsync(cancellationToken);
        var units = (await session.Query<KnownUnit>().Where(unit => unit.WardCode == plan.WardCode).ToListAsync(cancellationToken)).ToDictionary(unit => unit.Id);

        var streamId = WardReport.StreamId(planId);
        var stream = expected is { } version
            ? await session.Events.FetchForWriting<WardReport>(streamId, version, cancellationToken)
            : await session.Events.FetchForWriting<WardReport>(streamId, cancellationToken);
        var decision = Decide(stream.Aggregate, plan, request, figures, fund, accepted, units, user.Caller(), clock.GetUtcNow());
        if (decision.Error is { } error)
        {
            return error.ToProblem();
        }

        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return CommandResults.VersionProblem(expected is not null);
        }

        var report = (await session.LoadAsync<WardReport>(streamId, cancellationToken))!;
        http.Response.SetETag(report.Version);
        return TypedResults.Created($"{ReportingApi.Prefix}/plans/{planId}/ward-report", WardReportResponse.From(report));
    }
}
