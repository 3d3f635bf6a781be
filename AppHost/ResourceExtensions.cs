namespace LearningWeek.AppHost;

internal static class ResourceExtensions
{
    /// <summary>
    /// A service reached only through the gateway and the orchestrator: its launch-profile port is
    /// dropped for a free one, so a taken port can never hang the start.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithInternalHttpEndpoint(this IResourceBuilder<ProjectResource> project) =>
        project.WithEndpoint("http", endpoint => endpoint.Port = null);

    /// <summary>
    /// The service validates bearer tokens against this issuer (the gateway's built-in one):
    /// its discovery document and keys, fetched over plain HTTP on this machine.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTokenAuthority(this IResourceBuilder<ProjectResource> project, ReferenceExpression issuer) =>
        project
            .WithEnvironment("Identity__Authority", issuer)
            .WithEnvironment("Identity__RequireHttpsMetadata", "false");

    /// <summary>
    /// The service catches up from the feeds of the services it follows, with the client id
    /// <paramref name="clientId"/> and its secret from <c>Following:Secrets:{clientId}</c> (local
    /// runs: the local-development default in appsettings.json).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithFeedFollowing(this IResourceBuilder<ProjectResource> project, string clientId, IConfiguration configuration) =>
        project
            .WithEnvironment("Following__Enabled", "true")
            .WithEnvironment("Following__ClientId", clientId)
            .WithEnvironment("Following__ClientSecret", configuration[$"Following:Secrets:{clientId}"]
                ?? throw new InvalidOperationException($"Following:Secrets:{clientId} is not configured."));

    /// <summary>The public entry point on a fixed port (checked free at start, see <see cref="LocalPorts"/>).</summary>
    public static IResourceBuilder<ProjectResource> WithPublicHttpPort(this IResourceBuilder<ProjectResource> project, int port) =>
        project.WithEndpoint("http", endpoint => endpoint.Port = port);
}
