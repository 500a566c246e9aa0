using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace Winyx.Api.Tests.Infrastructure;

/// <summary>An RFC 9457 problem-details body, with the validation <c>errors</c> extension.</summary>
public sealed record ProblemDto(int Status, string? Title, string? Detail, Dictionary<string, string[]>? Errors)
{
    /// <summary>
    /// Asserts <paramref name="response"/> is a problem-details answer with <paramref name="status"/> and no
    /// stack trace, and returns it.
    /// </summary>
    public static async Task<ProblemDto> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDto>();
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> name exactly <paramref name="fields"/>.</summary>
    public static async Task<ProblemDto> ReadInvalidAsync(HttpResponseMessage response, params string[] fields)
    {
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem.Errors);
        Assert.Equal(fields.Order(), problem.Errors.Keys.Order());
        Assert.All(problem.Errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
        return problem;
    }
}
