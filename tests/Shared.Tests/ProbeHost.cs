using System.Data.Common;
using LearningWeek.ApiDefaults;
using LearningWeek.ApiDefaults.Idempotency;
using LearningWeek.ApiDefaults.Identity;
using LearningWeek.EventSourcing;
using LearningWeek.Testing;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Security.Claims;

namespace LearningWeek.Shared.Tests;

/// <summary>
/// A small API built the way every service is (ServiceDefaults, ApiDefaults, a Marten store on
/// its own database), served by Kestrel on a free loopback port, with probe endpoints that
/// exercise the shared mechanisms: object-level checks, idempotent creation, errors and limits.
/// </summary>
public sealed class ProbeHost : IAsyncLifetime
{
    public const long BodyLimit = 64 * 1024;

    private WebApplication _app = null!;
    private TestServers _servers = null!;
    private string _database = "";

    private int _healthChecksRun;

    public Uri Address { get; private set; } = null!;

    /// <summary>How many times the host's health checks have run.</summary>
    public int HealthChecksRun => Volatile.Read(ref _healthChecksRun);

    public IDocumentStore Store => _app.Services.GetRequiredService<IDocumentStore>();

    public string ConnectionString => _database;

    /// <summary>The host's clock (the idempotency store's too): starts at now, moves only when a test moves it.</summary>
    public SettableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public HttpClient CreateClient(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask InitializeAsync()
    {
        _servers = await TestServers.GetAsync();
        _database = await _servers.CreateDatabaseAsync("probe");

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ToTestLog("probe");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:probedb"] = _database,
            ["Identity:Authority"] = TestTokens.Issuer,
            ["Api:MaxRequestBodyBytes"] = BodyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddServiceDefaults();
        builder.AddApiDefaults();
        builder.Services.TrustTestIssuer();
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddHealthChecks().AddCheck("probe-counter", () =>
        {
            Interlocked.Increment(ref _healthChecksRun);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
        }, [ServiceDefaultsExtensions.ReadyTag]);
        builder.AddEventStore("probedb", schemaName: "probe");

        _app = builder.Build();
        _app.UseApiDefaults();
        _app.MapDefaultEndpoints();
        var api = _app.MapGroup("/api/probe");
        api.MapPost("/units/{unitCode}/notes", AddNote).RequireAuthorization(Policies.UnitWriter).WithIdempotency();
        // Answers 409 ("try again") to the first attempt of each name, then 201: as a request whose state arrives later.
        api.MapPost("/attempts/{name}", IResult (string name) =>
                Attempts.AddOrUpdate(name, 1, (_, count) => count + 1) == 1
                    ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Chưa sẵn sàng")
                    : TypedResults.Created($"/api/probe/attempts/{name}", new { name, attempt = Attempts[name] }))
            .RequireAuthorization().WithIdempotency();
        // Stores the note, then the process "dies" before answering: the first time for each text.
        api.MapPost("/units/{unitCode}/notes-then-crash", async (string unitCode, NoteRequest request, ClaimsPrincipal user, IDocumentSession session) =>
            {
                var created = await AddNote(unitCode, request, user, session);
                return Attempts.AddOrUpdate("crash:" + request.Text, 1, (_, count) => count + 1) == 1
                    ? throw new InvalidOperationException("The process died after storing the effect.")
                    : created;
            })
            .RequireAuthorization(Policies.UnitWriter).WithIdempotency();
        api.MapPost("/echo", async (HttpRequest request) => TypedResults.Ok(new { length = (await new StreamReader(request.Body).ReadToEndAsync()).Length }));
        api.MapGet("/boom", string () => throw new InvalidOperationException("SELECT secret FROM clients -- at Probe.Boom()"));
        api.MapGet("/database-down", string () => throw new TestDatabaseException("connection refused to 10.0.0.5:5432"));
        await _app.StartAsync();
        Address = new Uri(_app.Urls.Single());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _servers.DropDatabaseAsync(_database);
    }

    /// <summary>A unit adds a note for itself; an officer of its ward may too; nobody else.</summary>
    private static async Task<Results<Created<Note>, ForbidHttpResult>> AddNote(
        string unitCode, NoteRequest request, ClaimsPrincipal user, IDocumentSession session)
    {
        if (!user.Caller().MayWriteFor(unitCode, TestTokens.Ward))
        {
            return TypedResults.Forbid();
        }

        var note = new Note(Guid.NewGuid(), unitCode, request.Text);
        session.Events.StartStream<Note>(note.Id, new NoteAdded(note.Id, unitCode, request.Text));
        await session.SaveChangesAsync();
        return TypedResults.Created($"/api/probe/notes/{note.Id}", note);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Attempts = new();

    public sealed record NoteRequest(string Text);

    public sealed record Note(Guid Id, string UnitCode, string Text);

    public sealed record NoteAdded(Guid NoteId, string UnitCode, string Text);

    private sealed class TestDatabaseException(string message) : DbException(message);
}

public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
