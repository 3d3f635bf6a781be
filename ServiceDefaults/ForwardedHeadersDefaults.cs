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
}
