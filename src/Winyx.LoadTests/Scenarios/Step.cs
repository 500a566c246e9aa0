using System.Diagnostics;

namespace Winyx.LoadTests.Scenarios;

/// <summary>
/// A named part of an iteration with its own stats (NBomber's <c>Step.Run</c>): a login then a
/// read, each reported apart, while the scenario's stats cover the whole iteration.
/// </summary>
public static class Step
{
    /// <summary>
    /// Runs <paramref name="run"/>, times it and records its response under <paramref name="name"/>.
    /// An exception becomes a failed response carrying its message, and is not rethrown.
    /// </summary>
    /// <example>
    /// <code>
    /// var login = await Step.Run("login", ctx, () => client.LoginAsync(user));
    /// if (!login.IsOk) return login;
    /// </code>
    /// </example>
    public static async Task<Response> Run(string name, ScenarioContext context, Func<Task<Response>> run)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var started = Stopwatch.GetTimestamp();
        Response response;
        try
        {
            response = await run().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            response = Response.Fail(message: ex.GetType().Name + ": " + ex.Message);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        context.Stats.Step(name).Record(response, elapsed, elapsed);
        return response;
    }
}
