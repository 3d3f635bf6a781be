using LearningWeek.Testing;

namespace LearningWeek.Planning.Tests;

/// <summary>The Planning service on its own fresh database and virtual host.</summary>
public sealed class PlanningService : ServiceFixture<Program>
{
    protected override string ConnectionName => "planningdb";
}
