using Scalar.AspNetCore;

namespace Winyx.Api.Extensions;

/// <summary>The OpenAPI document (<c>/openapi/v1.json</c>) and its browsable page (<c>/scalar</c>).</summary>
public static class ApiDocumentation
{
    /// <summary>Registers the OpenAPI document with its bearer-token scheme.</summary>
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityTransformer>());

    /// <summary>Serves the document and the Scalar page.</summary>
    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(options => options.WithTitle("Winyx API"));
        return app;
    }
}
