using LearningWeek.ApiDefaults.Http;
using LearningWeek.ApiDefaults.OpenApi;
using Scalar.AspNetCore;

namespace LearningWeek.Gateway;

/// <summary>
/// The API reference at <c>/docs</c>: the three services' OpenAPI documents (fetched through the
/// gateway's own routes) in one Scalar UI, with the client-credentials flow of the token endpoint,
/// so a school's IT person can get a token and try every call from the browser.
/// </summary>
public static class ApiReference
{
    public const string Path = "/docs";

    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapScalarApiReference(Path, options => options
                .WithTitle("LearningWeek API – Tuần lễ hưởng ứng học tập suốt đời")
                .AddDocument("planning", "Planning – Kế hoạch", "/api/planning/openapi/v1.json", isDefault: true)
                .AddDocument("reporting", "ActivityReporting – Báo cáo hoạt động", "/api/reporting/openapi/v1.json")
                .AddDocument("library-fund", "LibraryFund – Tủ sách, quỹ", "/api/library-fund/openapi/v1.json")
                .AddPreferredSecuritySchemes(OpenApiSetup.SecuritySchemeName)
                .AddClientCredentialsFlow(OpenApiSetup.SecuritySchemeName, flow => flow.WithTokenUrl(OpenApiSetup.TokenPath))
                .HideDeveloperTools()
                .DisableAgent()
                .DisableTelemetry())
            .AllowAnonymous()
            .WithMetadata(new AllowPageScriptsAttribute());
}
