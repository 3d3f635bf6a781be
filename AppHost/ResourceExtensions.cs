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

    /// <summary>The public entry point on a fixed port (checked free at start, see <see cref="LocalPorts"/>).</summary>
    public static IResourceBuilder<ProjectResource> WithPublicHttpPort(this IResourceBuilder<ProjectResource> project, int port) =>
        project.WithEndpoint("http", endpoint => endpoint.Port = port);
}
