using LearningWeek.Testing;

namespace LearningWeek.ActivityReporting.Tests;

public sealed class SecurityTests(ActivityReportingService service)
    : ServiceSecurityTests<Program>(service, apiPrefix: "/api/reporting"), IClassFixture<ActivityReportingService>;
