using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LearningWeek.ApiDefaults.Idempotency;

/// <summary>Endpoint metadata: this POST creates something and honours <c>Idempotency-Key</c>.</summary>
public sealed class IdempotentAttribute : Attribute;

public static class IdempotentEndpointExtensions
{
    /// <summary>The endpoint honours <c>Idempotency-Key</c> (and says so in its OpenAPI description).</summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new IdempotentAttribute());
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "A unique key (up to 255 characters) for this request. Repeating the request with the same key " +
                              "and body returns the first response instead of creating again; the same key with another body is 422. " +
                              "Keys are remembered for 24 hours, per client.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 255 },
            });
            return Task.CompletedTask;
        });
        return builder;
    }
}
