using System.Net;
using System.Text.Json;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>The OpenAPI document and its browsable page.</summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheDocumentListsEveryUserRoute()
    {
        using var client = fixture.CreateClient();

        using var document = JsonDocument.Parse(await client.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        string[] expected =
        [
            "POST /api/users/register", "POST /api/users/login", "GET /api/users/me", "PUT /api/users/me",
            "GET /api/users/{id}", "GET /api/users",
        ];
        Assert.All(expected, op => Assert.Contains(op, operations));
        Assert.DoesNotContain(operations, op => op.Contains("/admin/", StringComparison.Ordinal));
        Assert.True(document.RootElement.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("Bearer", out _));
    }

    [Fact]
    public async Task TheBrowsableReferencePageIsServed()
    {
        using var client = fixture.CreateClient();

        using var response = await client.Http.GetAsync(new Uri("/scalar", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
