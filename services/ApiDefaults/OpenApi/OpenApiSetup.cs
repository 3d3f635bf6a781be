using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace LearningWeek.ApiDefaults.OpenApi;

public static class OpenApiSetup
{
    public const string SecuritySchemeName = "oauth2";
    public const string TokenPath = "/connect/token";

    /// <summary>
    /// The service's OpenAPI document: the OAuth 2.0 client-credentials scheme of the gateway's
    /// token endpoint on every operation that needs a token, and a relative server, so the
    /// document works as served through the gateway.
    /// </summary>
    public static IServiceCollection AddLearningWeekOpenApi(this IServiceCollection services, string title, string description)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = title, Version = "v1", Description = description };
                document.Servers = [new OpenApiServer { Url = "/", Description = "The LearningWeek gateway" }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.OAuth2,
                    Description = "OAuth 2.0 client credentials: POST client_id and client_secret to /connect/token, " +
                                  "then send the access token as 'Authorization: Bearer <token>'.",
                    Flows = new OpenApiOAuthFlows
                    {
                        ClientCredentials = new OpenApiOAuthFlow
                        {
                            TokenUrl = new Uri(TokenPath, UriKind.Relative),
                            Scopes = new Dictionary<string, string>(),
                        },
                    },
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (!metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(SecuritySchemeName, context.Document)] = [],
                    });
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Serves the document at <c>{apiPrefix}/openapi/v1.json</c>, which the gateway routes like the rest of the API.</summary>
    public static IEndpointConventionBuilder MapLearningWeekOpenApi(this IEndpointRouteBuilder endpoints, string apiPrefix) =>
        endpoints.MapOpenApi($"{apiPrefix}/openapi/{{documentName}}.json").AllowAnonymous();
}
