using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace LearningWeek.Testing;

/// <summary>How a service is hosted in a test: real Kestrel on a free loopback port, its own database and virtual host, trusting the test issuer.</summary>
public static class TestHosts
{
    public static WebApplicationFactory<T> OnTestServers<T>(
        this WebApplicationFactory<T> factory, string connectionName, string database, Uri virtualHost, Action<IWebHostBuilder>? configure = null)
        where T : class
    {
        var configured = factory.WithWebHostBuilder(host =>
        {
            host.UseSetting($"ConnectionStrings:{connectionName}", database);
            host.UseSetting("ConnectionStrings:messaging", virtualHost.ToString());
            host.UseSetting("Identity:Authority", TestTokens.Issuer);
            host.ConfigureTestServices(services => services.TrustTestIssuer());
            // To the test class's log file, not the test run's output.
            host.ConfigureLogging(logging => logging.ToTestLog(typeof(T).Assembly.GetName().Name!));
            configure?.Invoke(host);
        });
        configured.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0)); // real HTTP on a free loopback port
        return configured;
    }
}
