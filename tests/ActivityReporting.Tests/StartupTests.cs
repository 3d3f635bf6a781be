using LearningWeek.Testing;

namespace LearningWeek.ActivityReporting.Tests;

public sealed class StartupTests(ActivityReportingService service)
    : ServiceStartupTests<Program>(service, applicationName: "LearningWeek.ActivityReporting", schema: "reporting"), IClassFixture<ActivityReportingService>;
