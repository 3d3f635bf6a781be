using LearningWeek.Testing;

namespace LearningWeek.ActivityReporting.Tests;

/// <summary>The ActivityReporting service on its own fresh database and virtual host.</summary>
public sealed class ActivityReportingService : ServiceFixture<Program>
{
    protected override string ConnectionName => "reportingdb";
}
