using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests;

public sealed class StartupTests(PlanningService service)
    : ServiceStartupTests<Program>(service, applicationName: "LearningWeek.Planning", schema: "planning"), IClassFixture<PlanningService>;
