using LearningWeek.ActivityReporting.Activities;
using LearningWeek.ActivityReporting.Plans;
using LearningWeek.ActivityReporting.Progress;
using LearningWeek.ActivityReporting.UnitReports;

namespace LearningWeek.ActivityReporting.Tests.Decisions;

/// <summary>Folds events through the two progress projections in memory, a document per unit and one of totals, as Marten's daemon does.</summary>
internal sealed class ProgressFold(Guid planId)
{
    private readonly UnitProgressProjection _unitProjection = new();
    private readonly PlanTotalsProjection _totalsProjection = new();
    private readonly Dictionary<string, UnitProgress> _units = [];
    private readonly PlanTotals _totals = new() { Id = planId };

    public PlanProgress Progress => new([.. _units.Values], _totals);

    public void Apply(object e)
    {
        switch (e)
        {
            case ReportingObligationOpened opened: _unitProjection.Apply(opened, Unit(opened.PlanId, opened.UnitCode)); break;
            case ReportingDueDateChanged changed: _unitProjection.Apply(changed, Unit(changed.PlanId, changed.UnitCode)); break;
            case ReportingObligationWithdrawn withdrawn: _unitProjection.Apply(withdrawn, Unit(withdrawn.PlanId, withdrawn.UnitCode)); break;
            case UnitReportSubmitted submitted: _unitProjection.Apply(submitted, Unit(submitted.PlanId, submitted.UnitCode)); break;
            case UnitReportAccepted accepted: _unitProjection.Apply(accepted, Unit(accepted.PlanId, accepted.UnitCode)); break;
            case UnitReportReturned returned: _unitProjection.Apply(returned, Unit(returned.PlanId, returned.UnitCode)); break;
            case ActivityReported reported:
                _unitProjection.Apply(reported, Unit(reported.PlanId, reported.UnitCode));
                _totalsProjection.Apply(reported, _totals);
                break;
            case ActivityReportCorrected corrected: _totalsProjection.Apply(corrected, _totals); break;
            case ActivityReportWithdrawn withdrawn:
                _unitProjection.Apply(withdrawn, Unit(withdrawn.PlanId, withdrawn.UnitCode));
                _totalsProjection.Apply(withdrawn, _totals);
                break;
            default: throw new ArgumentException($"The progress does not follow {e.GetType().Name}.", nameof(e));
        }
    }

    private UnitProgress Unit(Guid plan, string code)
    {
        var id = UnitProgress.IdOf(plan, code);
        if (!_units.TryGetValue(id, out var unit))
        {
            unit = new UnitProgress();
            _units[id] = unit;
        }

        return unit;
    }
}
