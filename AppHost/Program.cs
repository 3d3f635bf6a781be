using LearningWeek.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure first: PostgreSQL (one database per service, one for the gateway) and RabbitMQ,
// as containers, as this machine's own servers, or external; the mode is printed at start.
var infrastructure = builder.AddInfrastructure();
var planningDb = infrastructure.AddDatabase("planningdb");
var reportingDb = infrastructure.AddDatabase("reportingdb");
var libraryFundDb = infrastructure.AddDatabase("libraryfunddb");
var gatewayDb = infrastructure.AddDatabase("gatewaydb");
var messaging = infrastructure.Messaging;

// The gateway is declared before the services because they trust the tokens it issues (its
// public URL is their authority); it starts after them.
var gateway = builder.AddProject<Projects.LearningWeek_Gateway>("gateway");
var tokenIssuer = gateway.GetEndpoint("http");
// The public URL people and systems use (and the issuer in every token): the loopback address,
// so a browser's cookies for sign-in and for the application are on one host.
var publicUrl = ReferenceExpression.Create($"http://127.0.0.1:{tokenIssuer.Property(EndpointProperty.Port)}");
var localhostUrl = ReferenceExpression.Create($"http://localhost:{tokenIssuer.Property(EndpointProperty.Port)}");

// The three services: each owns its event store and talks to the others only over the bus.
var activityReporting = builder.AddProject<Projects.LearningWeek_ActivityReporting>("activity-reporting")
    .WithReference(reportingDb).WaitFor(reportingDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithTokenAuthority(publicUrl)
    .WithHttpHealthCheck("/health")
    .WithInternalHttpEndpoint();

var libraryFund = builder.AddProject<Projects.LearningWeek_LibraryFund>("library-fund")
    .WithReference(libraryFundDb).WaitFor(libraryFundDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithTokenAuthority(publicUrl)
    .WithHttpHealthCheck("/health")
    .WithInternalHttpEndpoint();

var planning = builder.AddProject<Projects.LearningWeek_Planning>("planning")
    .WithReference(planningDb).WaitFor(planningDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithTokenAuthority(publicUrl)
    .WithEnvironment("SampleData__Enabled", builder.Configuration.GetValue("SampleData:Enabled", true).ToString())
    .WithHttpHealthCheck("/health")
    .WithInternalHttpEndpoint()
    // The services that follow Planning's events are up (their queues bound) before it
    // publishes the sample plan, so none of its events is published to no one.
    .WaitFor(activityReporting)
    .WaitFor(libraryFund);

// The followers catch up from the publishers' feeds whatever the start order (their own client
// credentials at the gateway's issuer, the publishers found by service discovery).
activityReporting
    .WithReference(planning).WithReference(libraryFund)
    .WithFeedFollowing("activity-reporting", builder.Configuration);
libraryFund
    .WithReference(planning)
    .WithFeedFollowing("library-fund", builder.Configuration);

// The web application for the people who run the Week: an OpenID Connect client of the gateway's
// issuer, reached through the gateway at /, reading and acting only through the gateway's API.
var web = builder.AddProject<Projects.LearningWeek_Web>("web")
    .WithEnvironment("Identity__Authority", publicUrl)
    .WithEnvironment("Identity__RequireHttpsMetadata", "false")
    .WithEnvironment("Gateway__Address", publicUrl)
    .WithHttpHealthCheck("/health")
    .WithInternalHttpEndpoint();

// The gateway: the only way in, on a fixed local port (Gateway:Port, 8080 by default), and the
// issuer of the tokens.
gateway
    .WithReference(gatewayDb).WaitFor(gatewayDb)
    .WithReference(planning).WaitFor(planning)
    .WithReference(activityReporting).WaitFor(activityReporting)
    .WithReference(libraryFund).WaitFor(libraryFund)
    .WithReference(web).WaitFor(web)
    .WithEnvironment("Identity__Issuer", publicUrl)
    .WithEnvironment("Identity__Clients__web__RedirectUris__0", ReferenceExpression.Create($"{publicUrl}/signin-oidc"))
    .WithEnvironment("Identity__Clients__web__RedirectUris__1", ReferenceExpression.Create($"{localhostUrl}/signin-oidc"))
    .WithEnvironment("Identity__Clients__web__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{publicUrl}/signout-callback-oidc"))
    .WithEnvironment("Identity__Clients__web__PostLogoutRedirectUris__1", ReferenceExpression.Create($"{localhostUrl}/signout-callback-oidc"))
    .WithHttpHealthCheck("/health")
    .WithPublicHttpPort(builder.Configuration.GetValue("Gateway:Port", 8080));

LocalPorts.EnsureFree(builder);

builder.Build().Run();
