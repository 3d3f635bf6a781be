using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningWeek.Testing;

namespace LearningWeek.EndToEnd.Tests;

/// <summary>Ops reach the services' error queues through the gateway; nobody else does.</summary>
[Collection(LocalSystemCollection.Name)]
public sealed class OperationsThroughTheGatewayTests(LocalSystem system)
{
    [Fact]
    public async Task Ops_list_and_redrive_the_error_queues_and_a_ward_officer_may_not()
    {
        var ops = await system.SignedInClientAsync("ops");
        var queues = await ops.GetFromJsonAsync<JsonElement>("/api/reporting/dead-letters", TestContext.Current.CancellationToken);
        Assert.Contains(queues.EnumerateArray(), queue => queue.GetProperty("queue").GetString() == "activity-reporting.planning-events");
        Assert.All(queues.EnumerateArray(), queue => Assert.Equal(0, queue.GetProperty("messages").GetInt32()));

        using var redrive = await ops.PostAsync("/api/reporting/dead-letters/activity-reporting.planning-events/redrive", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, redrive.StatusCode);
        Assert.Equal(0, (await redrive.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("moved").GetInt32());

        var officer = await system.SignedInClientAsync("ward-officer");
        using var refused = await officer.PostAsync("/api/reporting/dead-letters/activity-reporting.planning-events/redrive", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }
}
