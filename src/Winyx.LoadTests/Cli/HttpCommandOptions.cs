namespace Winyx.LoadTests.Cli;

/// <summary>The <c>http</c> command's options.</summary>
/// <param name="Url">The loopback target.</param>
/// <param name="Rate">Open model: iterations per <paramref name="Interval"/>.</param>
/// <param name="Copies">Closed model: copies.</param>
/// <param name="Interval">The rate's interval.</param>
/// <param name="Duration">How long to measure.</param>
/// <param name="WarmUp">Warm-up before measuring.</param>
/// <param name="Out">Report folder.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="MaxConcurrency">Open model: most iterations in flight.</param>
/// <param name="Timeout">Per-request timeout.</param>
/// <param name="Percentiles">Reported percentiles.</param>
/// <param name="MaxFailPercent">Threshold: failed share of requests at most this.</param>
/// <param name="MaxP99Ms">Threshold: ok p99 at most this many ms.</param>
/// <param name="Progress">Print live progress.</param>
/// <param name="RawClient">Use the wrk-style HTTP/1.1 client instead of SocketsHttpHandler.</param>
internal sealed record HttpCommandOptions(
    Uri Url,
    double? Rate,
    int? Copies,
    TimeSpan Interval,
    TimeSpan Duration,
    long? Iterations,
    TimeSpan WarmUp,
    string Out,
    HttpMethod Method,
    int MaxConcurrency,
    TimeSpan Timeout,
    IReadOnlyList<double>? Percentiles,
    double? MaxFailPercent,
    double? MaxP99Ms,
    bool Progress,
    bool RawClient)
{
    private static readonly HashSet<string> ValueFlags =
    [
        "--url", "--rate", "--copies", "--interval", "--duration", "--iterations", "--warmup", "--out", "--method",
        "--max-concurrency", "--timeout", "--percentiles", "--max-fail-percent", "--max-p99-ms", "--client",
    ];

    private static readonly HashSet<string> Switches = ["--no-progress"];

    public const string Usage =
        "http --url URL (--rate R [--interval 1s] | --copies C) [--duration 10s | --iterations N] [--warmup 0s] [--out DIR]\n" +
        "     [--method GET] [--max-concurrency 1000] [--timeout 30s] [--percentiles 50,75,90,95,99,99.9]\n" +
        "     [--max-fail-percent P] [--max-p99-ms MS] [--client sockets|raw] [--no-progress]\n" +
        "  --rate R      open model: R requests per interval (fractional allowed), paced by a dedicated scheduler\n" +
        "  --copies C    closed model: C copies, each sending its next request when the last one answered\n" +
        "  --iterations N  run exactly N requests (at the rate, or across the copies) instead of for a duration\n" +
        "  --client      sockets (default): one shared SocketsHttpHandler; raw: a wrk-style HTTP/1.1 connection per worker (http:// only)\n" +
        "  URL must be loopback (127.0.0.0/8, ::1, localhost). Reports: DIR/http.{html,md,csv,json}.\n" +
        "  Exit code 0; 1 when a threshold (--max-fail-percent, --max-p99-ms) failed; 2 on bad arguments.";

    public static HttpCommandOptions Parse(IReadOnlyList<string> args)
    {
        var reader = new ArgumentReader(args, ValueFlags, Switches);
        var url = ArgumentReader.LoopbackUrl("--url", reader.String("--url"));
        var rate = reader.Double("--rate", 0.000001, 10_000_000);
        var copies = reader.Int("--copies", 1, 100_000);
        if (rate is null == copies is null)
        {
            throw new UsageException("give exactly one of --rate (open model) or --copies (closed model)");
        }

        var iterations = reader.Int("--iterations", 1, 100_000_000);
        if (iterations is not null && reader.Has("--duration"))
        {
            throw new UsageException("give --duration or --iterations, not both");
        }

        var raw = ParseClient(reader.String("--client"));
        if (raw && url.Scheme != Uri.UriSchemeHttp)
        {
            throw new UsageException($"--client: 'raw' speaks plain http:// only, not '{url}'");
        }

        return new HttpCommandOptions(
            url,
            rate,
            copies,
            reader.Duration("--interval", TimeSpan.FromMilliseconds(1)) ?? TimeSpan.FromSeconds(1),
            reader.Duration("--duration", TimeSpan.FromMilliseconds(100)) ?? TimeSpan.FromSeconds(10),
            iterations,
            reader.Duration("--warmup", TimeSpan.Zero) ?? TimeSpan.Zero,
            reader.String("--out") ?? "load-results",
            ParseMethod(reader.String("--method")),
            reader.Int("--max-concurrency", 1, 1_000_000) ?? 1_000,
            reader.Duration("--timeout", TimeSpan.FromMilliseconds(1)) ?? TimeSpan.FromSeconds(30),
            ParsePercentiles(reader.String("--percentiles")),
            reader.Double("--max-fail-percent", 0, 100),
            reader.Double("--max-p99-ms", 0, double.MaxValue),
            !reader.Has("--no-progress"),
            raw);
    }

    private static bool ParseClient(string? text) => text switch
    {
        null or "sockets" => false,
        "raw" => true,
        _ => throw new UsageException($"--client: '{text}' is not one of sockets, raw"),
    };

    private static HttpMethod ParseMethod(string? text)
    {
        if (text is null)
        {
            return HttpMethod.Get;
        }

        string[] known = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];
        return known.Contains(text.ToUpperInvariant())
            ? new HttpMethod(text.ToUpperInvariant())
            : throw new UsageException($"--method: '{text}' is not one of {string.Join(", ", known)}");
    }

    private static double[]? ParsePercentiles(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var p) || p <= 0 || p > 100)
            {
                throw new UsageException($"--percentiles: '{part}' in '{text}' is not a percentile in (0, 100]");
            }

            values.Add(p);
        }

        return [.. values];
    }
}
