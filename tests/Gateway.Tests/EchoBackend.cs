using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace LearningWeek.Gateway.Tests;

/// <summary>
/// A real HTTP server on a free loopback port standing in for one service: it answers every
/// request with the service's name and the method, path and query it received.
/// </summary>
public sealed class EchoBackend : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EchoBackend(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<EchoBackend> StartAsync(string service)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsJsonAsync(new Echo(
            service, context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "")));
        await app.StartAsync();
        return new EchoBackend(app, new Uri(app.Urls.Single()));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

public sealed record Echo(string Service, string Method, string Path, string Query);
