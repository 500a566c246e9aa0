"""Where a .NET service's CPU went, from a `perf record -g` profile (bench/profile-layers.sh).

Each sample goes to the innermost request layer on its stack (a middleware, a component of the path), else to
the thread that took it; the table gives each its share of the samples and of the CPU per request.
Needs the process's perf map (DOTNET_PerfMapEnabled=1), which perf reads from /tmp/perf-PID.map.
"""
import collections
import re
import subprocess
import sys

# Outer to inner does not matter: the first hit walking from the leaf up is the innermost layer.
LAYERS = [
    ("kestrel", r"HttpProtocol\+<ProcessRequests|HttpProtocol::ProcessRequests"),
    ("hosting: request start", r"HostingApplication::CreateContext"),
    ("hosting: request end", r"HostingApplication::DisposeContext"),
    ("access log", r"AccessLogMiddleware|Winyx\.ServiceDefaults\.Logging"),
    ("request metrics", r"HttpMetricsMiddleware|RequestEnd"),
    ("forwarded-for", r"TrustedForwardedFor"),
    ("exception handler", r"ExceptionHandlerMiddleware"),
    ("status-code pages", r"StatusCodePagesMiddleware"),
    ("body limit", r"RequestBodyLimit"),
    ("chaos", r"Chaos"),
    ("routing", r"EndpointRoutingMiddleware|DfaMatcher"),
    ("authentication", r"AuthenticationMiddleware|JwtBearer|CachingJsonWebTokenHandler"),
    ("authorization", r"AuthorizationMiddleware\+<Invoke|AuthorizationMiddleware::Invoke|PolicyEvaluator"),
    ("rate limiter", r"RateLimitingMiddleware"),
    ("active users", r"ActiveUsers"),
    ("endpoint", r"EndpointMiddleware|RequestDelegateFactory|lambda_method|Winyx\.Api\.Apis|UserServiceFailureFilter"),
    ("user cache", r"HybridCache|UserProfileCache"),
    ("gRPC client", r"Grpc\.Net\.Client|UserRpcClient"),
    ("HTTP/2 client", r"System\.Net\.Http\.Http2|SocketsHttpHandler|DiagnosticsHandler"),
    ("gRPC server", r"Grpc\.AspNetCore"),
    ("MySQL", r"MySqlConnector|UserByIdQuery|EntityFrameworkCore"),
    ("JSON", r"System\.Text\.Json"),
    ("OpenTelemetry", r"OpenTelemetry"),
]
COMPILED = [(name, re.compile(pattern)) for name, pattern in LAYERS]
# Wrappers around the whole pipeline whose frames sit under every continuation of an asynchronous request: taken as
# a layer, OpenTelemetry's error-type filter (its metrics' error.type) would own whatever resumes under it.
TRANSPARENT = re.compile(r"HttpServerErrorTypeStartupFilter")


def samples(data):
    """Yields (thread name, frames leaf first) for each sample of the perf data file."""
    out = subprocess.run(["perf", "script", "-i", data, "-F", "comm,tid,ip,sym,dso"],
                         capture_output=True, text=True, check=True).stdout
    head, frames = None, []
    for line in out.split("\n"):
        if not line.strip():
            if head is not None:
                yield head, frames
            head, frames = None, []
        elif line[0] not in " \t":
            head, frames = " ".join(line.split()[:-1]), []
        else:
            frames.append(line.strip())
    if head is not None:
        yield head, frames


def owner(thread, frames):
    for frame in frames:
        if TRANSPARENT.search(frame):
            continue
        for name, pattern in COMPILED:
            if pattern.search(frame):
                return name
    if frames and "kernel" in frames[0]:
        return "kernel, outside the layers"
    return f"thread '{thread}', outside the layers"


def main():
    data, cpu_us = sys.argv[1], float(sys.argv[2])
    counts = collections.Counter(owner(t, f) for t, f in samples(data))
    total = sum(counts.values())
    print(f"| where ({total} samples) | share | µs per request |")
    print("|---|---|---|")
    for name, n in counts.most_common():
        print(f"| {name} | {100 * n / total:.1f} % | {cpu_us * n / total:.1f} |")


if __name__ == "__main__":
    main()
