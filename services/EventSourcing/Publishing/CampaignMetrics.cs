using System.Diagnostics.Metrics;
using LearningWeek.Contracts;
using LearningWeek.Contracts.LibraryFund;
using LearningWeek.Contracts.Reporting;
using LearningWeek.ServiceDefaults;
using MassTransit;

namespace LearningWeek.EventSourcing.Publishing;

/// <summary>
/// The campaign's figures as OpenTelemetry metrics (meter <c>LearningWeek</c>), so the Aspire
/// dashboard and any collector show them beside the technical ones: counted once an event is
/// confirmed by the broker (at least once, like the events themselves).
/// </summary>
public sealed class CampaignMetrics
{
    private readonly Counter<long> _published;
    private readonly Histogram<double> _publisherLag;
    private readonly Counter<long> _unitReportsSubmitted;
    private readonly Counter<long> _unitReportsLate;
    private readonly Counter<long> _activityReports;
    private readonly Counter<long> _receivedVnd;
    private readonly Counter<long> _consumerFailures;

    public CampaignMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(TelemetrySources.LearningWeek);
        _published = meter.CreateCounter<long>("learningweek.events.published", "{event}", "Integration events confirmed by the broker");
        _publisherLag = meter.CreateHistogram<double>("learningweek.publisher.lag", "ms", "From an event's append to the broker's confirmation of its integration event");
        _unitReportsSubmitted = meter.CreateCounter<long>("learningweek.unit_reports.submitted", "{report}", "Unit reports submitted (tag on_time)");
        _unitReportsLate = meter.CreateCounter<long>("learningweek.unit_reports.late", "{report}", "Unit reports submitted after their due instant");
        _activityReports = meter.CreateCounter<long>("learningweek.activity_reports", "{report}", "Activity reports made");
        _receivedVnd = meter.CreateCounter<long>("learningweek.fund.received", "VND", "Value received by the library fund (gift_kind)");
        _consumerFailures = meter.CreateCounter<long>("learningweek.consumer.failures", "{failure}", "Integration events whose consumer failed (retried, or moved to _error at the end)");
    }

    public void Published(IIntegrationEvent message, DateTimeOffset appendedAt, DateTimeOffset now)
    {
        var type = message.GetType().Name;
        _published.Add(1, new KeyValuePair<string, object?>("event_type", type));
        _publisherLag.Record(Math.Max(0, (now - appendedAt).TotalMilliseconds), new KeyValuePair<string, object?>("event_type", type));
        switch (message)
        {
            case UnitReportSubmitted submitted:
                _unitReportsSubmitted.Add(1, new KeyValuePair<string, object?>("on_time", submitted.OnTime));
                if (!submitted.OnTime)
                {
                    _unitReportsLate.Add(1);
                }

                break;
            case ActivityReported:
                _activityReports.Add(1);
                break;
            case DonationReceived received:
                _receivedVnd.Add(received.ValueVnd, new KeyValuePair<string, object?>("gift_kind", received.GiftKind));
                break;
        }
    }

    public void ConsumerFailed(string messageType) =>
        _consumerFailures.Add(1, new KeyValuePair<string, object?>("message_type", messageType));
}

/// <summary>Counts every failed consumption of an integration event (each retry counts).</summary>
public sealed class ConsumerFailureMetrics(CampaignMetrics metrics) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        metrics.ConsumerFailed(typeof(T).Name);
        return Task.CompletedTask;
    }
}
