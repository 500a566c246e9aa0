namespace Winyx.LoadTests.AlertProof;

/// <summary>How the proof's set-up calls treat an answer that is not a success.</summary>
internal static class HttpAnswers
{
    /// <summary>Throws, naming <paramref name="what"/>, the status and the body, unless <paramref name="response"/> succeeded.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"{what} failed: {(int)response.StatusCode} {body}");
        }
    }
}
