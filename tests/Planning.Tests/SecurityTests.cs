using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests;

public sealed class SecurityTests(PlanningService service)
    : ServiceSecurityTests<Program>(service, apiPrefix: "/api/planning"), IClassFixture<PlanningService>;
