using LearningWeek.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LearningWeek.Planning.Tests;

/// <summary>
/// The Planning service on its own fresh database and virtual host, on a clock in September 2027
/// (as the decisions' tests, <see cref="Decisions.Given.Now"/>): the scenarios plan the 2027 Week,
/// whose deadlines must still lie ahead whatever day the suite runs.
/// </summary>
public sealed class PlanningService : ServiceFixture<Program>
{
    public TravellingClock Clock { get; } = new() { Now = Decisions.Given.Now };

    protected override string ConnectionName => "planningdb";

    protected override void ConfigureHost(IWebHostBuilder host) =>
        host.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
}
