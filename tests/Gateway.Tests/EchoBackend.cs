using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using LearningWeek.Testing;

namespace LearningWeek.Gateway.Tests;

/// <summary>
/// A real HTTP server on a free loopback port standing in for one service: it answers every
/// request with the service's name, the method, path and query it received and whether a bearer
/// token came with it, and remembers what reached it. A path ending in <c>/slow</c> takes 30 s.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, Uri address, ConcurrentQueue<Echo> received)
    {
        _app = app;
        Address = address;
        Received = received;
    }

    public Uri Address { get; }

    public ConcurrentQueue<Echo> Received { get; }

    public static async Task<EchoBackend> StartAsync(string service)
    {
        var received = new ConcurrentQueue<Echo>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ToTestLog($"{service} echo");
        var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Path.Value?.EndsWith("/slow", StringComparison.Ordinal) == true)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            var echo = new Echo(
                service,
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal));
            received.Enqueue(echo);
            await context.Response.WriteAsJsonAsync(echo);
        });
        await app.StartAsync();
        return new EchoBackend(app, new Uri(app.Urls.Single()), received);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record Echo(string Service, string Method, string Path, string Query, bool BearerForwarded);
