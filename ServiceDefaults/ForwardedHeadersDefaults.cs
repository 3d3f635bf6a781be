using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningWeek.ServiceDefaults;

public static class ForwardedHeadersDefaults
{
    /// <summary>
    /// Behind the gateway or an ingress: what they saw (<paramref name="headers"/>: the client's
    /// address, the scheme, the host). Only proxies on loopback are trusted unless
    /// <c>ForwardedHeaders:KnownNetworks</c> names others. Applied by <c>UseForwardedHeaders()</c>.
    /// </summary>
    public static IHostApplicationBuilder TrustForwardedHeaders(this IHostApplicationBuilder builder, ForwardedHeaders headers)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = headers;
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>
    /// At the edge (the gateway) the client connects directly, often from loopback on a local run:
    /// trusting loopback would let any client name its own address (and so escape the limits kept
    /// per address). Only the proxies <c>ForwardedHeaders:KnownNetworks</c> names (an ingress) are
    /// trusted; with none, forwarded headers are ignored (empty lists of known proxies would make
    /// the middleware trust every sender).
    /// </summary>
    public static IHostApplicationBuilder TrustOnlyConfiguredProxies(this IHostApplicationBuilder builder)
    {
        builder.Services.PostConfigure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            if (forwarded.KnownIPNetworks.Count == 0)
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.None;
            }
        });
        return builder;
    }
}
