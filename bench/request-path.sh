#!/usr/bin/env bash
# Run by hand (never in CI): the Api's request path against ASP.NET Core itself, as ratios measured side by
# side and interleaved, from Release builds, on 127.0.0.1. Writes the "request-path" section of bench/RESULTS.md:
#   (a) cached GET /api/users/{id} vs bench/MinimalEndpoint's GET /users/{id} (the same JSON), wrk -t1 -c32;
#   (b) that GET with full ServiceDefaults vs tracing, metrics, the access log (each off alone) and all three off;
#   (c) the uncached GET (Api -> UserRpc -> MariaDB; Cache__UserProfileTtl=0 turns the cache off) vs bare,
#       and against bench/GrpcHop: the same path (a minimal API -> gRPC -> a prepared MySqlConnector read)
#       with nothing of Winyx in it, the floor that path has on this machine;
#   (d) login throughput (PBKDF2 by design) with what one core hashes.
# The stack is what the AppHost wires (MariaDB + UserRpc, Redis, the Api with ConnectionStrings__redis and
# services__userrpc__http__0), without OTLP export (no collector shares the cores) — see bench/lib/stack.sh.
# Goals (issue 11): cached >= 0.5 x bare; full telemetry >= 0.9 x telemetry off; uncached >= 0.1 x bare.
# The reads carry a bearer token (the Api answers them only for a signed-in user), as a browser's would.
# Every process is warmed up under the load it is measured with until its JIT is done with the path (warm_up in
# bench/lib/stack.sh): on 2 cores the tiered JIT takes 35-45 s of load to finish optimising the Api's and UserRpc's
# paths, and a fixed, shorter warm-up measured the JIT, not the services (see bench/RESULTS.md, tenth pass).
# Knobs: DURATION seconds per run (8), RUNS interleaved rounds (3), BENCH_PORT_BASE (5300), and warm_up's
# WARM_MIN (15), WARM_MAX (120), WARM_CHUNK (5) seconds and JIT_QUIET methods (100).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/stack.sh
source bench/lib/api.sh
source bench/lib/results.sh

DURATION=${DURATION:-8}
RUNS=${RUNS:-3}

build_release
start_infra
start_userrpc
start_bare
start_hop
sign_in_bench_user
BARE_URL="http://127.0.0.1:$BARE_PORT/users/$ID"
HOP_URL="http://127.0.0.1:$HOP_FRONT_PORT/users/$ID"
API_PATH="/api/users/$ID"

# label | settings of the Api for that variant
VARIANTS=(
  "full|"
  "tracing off|Telemetry__Tracing__Enabled=false"
  "metrics off|Telemetry__Metrics__Enabled=false"
  "access log off|Logging__AccessLog__Enabled=false"
  "telemetry off|Telemetry__Tracing__Enabled=false Telemetry__Metrics__Enabled=false Logging__AccessLog__Enabled=false"
  "uncached|Cache__UserProfileTtl=0"
)

declare -A RPS CPU RPC_CPU HOP_CPU WARMED JITTED
api_rps() { # settings... -> req/s of the Api's GET under them (a fresh process each time)
  # Redis (L2) outlives the Api processes: empty it, or the "uncached" variant reads what the others cached.
  redis-cli -p "$REDIS_PORT" FLUSHALL >/dev/null
  start_api "$@"
  # Measured as the service runs for hours: once the JIT of both processes is done with the path.
  local warmed before rpc_before jitted rps
  warmed=$(warm_up "$WINYX_PROCESSES" "http://127.0.0.1:$API_PORT$API_PATH" -H "$AUTH")
  # A run with non-2xx answers counts as 0 req/s (and is reported on stderr); the Api is stopped either way,
  # or the next variant would find the port taken. Prints "req/s api-cpu-us userrpc-cpu-us warm-up-s jitted"
  # (CPU per request; methods the JIT compiled during the run).
  before=$(cpu_ticks "$API_PID")
  rpc_before=$(cpu_ticks "$USERRPC_PID")
  jitted=$(jit_methods $WINYX_PROCESSES)
  rps=$(wrk_rps "http://127.0.0.1:$API_PORT$API_PATH" "$DURATION" -H "$AUTH" || echo 0)
  echo "$rps $(cpu_us_per_request "$API_PID" "$before" "$rps" "$DURATION") $(cpu_us_per_request "$USERRPC_PID" "$rpc_before" "$rps" "$DURATION") $warmed $(($(jit_methods $WINYX_PROCESSES) - jitted))"
  [ -n "${MISSES_OUT:-}" ] && curl -fs "http://127.0.0.1:$API_PORT/metrics" | grep -E '^cache_(hits|misses)_total' >"$MISSES_OUT" || true
  stop_api
}

hop_rps() { # -> "req/s front-cpu-us server-cpu-us" of bench/GrpcHop's GET
  local front server rps
  front=$(cpu_ticks "$HOP_FRONT_PID")
  server=$(cpu_ticks "$HOP_SERVER_PID")
  rps=$(wrk_rps "$HOP_URL" "$DURATION")
  echo "$rps $(cpu_us_per_request "$HOP_FRONT_PID" "$front" "$rps" "$DURATION") $(cpu_us_per_request "$HOP_SERVER_PID" "$server" "$rps" "$DURATION")"
}

load_before=$(load_avg)
BARE_WARMED=$(warm_up bare "$BARE_URL")
HOP_WARMED=$(warm_up "hop-front hop-server" "$HOP_URL")
for run in $(seq "$RUNS"); do
  RPS[bare,$run]=$(wrk_rps "$BARE_URL" "$DURATION")
  read -r "RPS[floor,$run]" "HOP_CPU[front,$run]" "HOP_CPU[server,$run]" < <(hop_rps)
  line="run $run: bare ${RPS[bare,$run]}, floor ${RPS[floor,$run]}"
  for variant in "${VARIANTS[@]}"; do
    label=${variant%%|*}
    settings=${variant#*|}
    MISSES_OUT=$([ "$label" = uncached ] && echo "$STACK/uncached-$run.prom" || true)
    # shellcheck disable=SC2086
    read -r rps cpu rpc_cpu warmed jitted < <(MISSES_OUT=$MISSES_OUT api_rps $settings)
    RPS[$label,$run]=$rps
    CPU[$label,$run]=$cpu
    RPC_CPU[$label,$run]=$rpc_cpu
    WARMED[$label,$run]=$warmed
    JITTED[$label,$run]=$jitted
    line+=", $label $rps ($cpu µs CPU/request)"
  done
  echo "$line"
done

# (d) login: every request verifies a PBKDF2 hash in UserRpc; the per-IP login limit is lifted for the run.
cat >"$STACK/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"$BENCH_EMAIL","password":"$BENCH_PASSWORD"}'
LUA
start_api RateLimiting__Login__PerIpPermitLimit=100000000
warm_up "$WINYX_PROCESSES" "http://127.0.0.1:$API_PORT/api/users/login" -s "$STACK/login.lua" >/dev/null
login_rps=$(wrk_rps "http://127.0.0.1:$API_PORT/api/users/login" "$DURATION" -s "$STACK/login.lua")
stop_api
iterations=$(jq -r '.Passwords.IterationCount' src/Winyx.UserRpc/appsettings.json)
# What one core does: PBKDF2-HMAC-SHA512 (ASP.NET Core Identity V3) with the same iteration count, via OpenSSL as .NET uses it.
hashes_per_core=$(python3 -c "
import hashlib, time
n, t = 0, time.perf_counter()
while time.perf_counter() - t < 3:
    hashlib.pbkdf2_hmac('sha512', b'correct horse battery', b'0123456789abcdef', $iterations); n += 1
print(round(n / (time.perf_counter() - t), 1))")
load_after=$(load_avg)

ratios() { # label base -> one ratio per run
  local run
  for run in $(seq "$RUNS"); do ratio "${RPS[$1,$run]}" "${RPS[$2,$run]}"; done
}
med() { median $(ratios "$1" "$2"); }
cached_ratio=$(med full bare)
uncached_ratio=$(med uncached bare)
telemetry_ratio=$(med full "telemetry off")

body=$(mktemp)
{
  echo "## Request path: the Api against ASP.NET Core (issue 11)"
  echo
  echo "Written by \`bench/request-path.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), at commit $(git rev-parse --short HEAD)."
  echo
  machine_lines
  echo "- load average (1, 5, 15 min) before: $load_before; after: $load_after — shared machine; server, UserRpc, MariaDB, Redis and wrk share the 2 cores"
  echo "- every process a Release build; the Api gets what the AppHost injects (ConnectionStrings__redis, services__userrpc__http__0, Jwt__SigningKey), no OTLP endpoint"
  echo
  echo "Commands, interleaved $RUNS times (a fresh Api process per variant and run, warmed up under the same load until the JIT of the Api and UserRpc was done with the path, \`warm_up\` in bench/lib/stack.sh; TOKEN from \`POST /api/users/login\`):"
  echo
  echo '```'
  echo "wrk -t1 -c32 -d${DURATION}s $BARE_URL                  # bench/MinimalEndpoint, the same JSON"
  echo "wrk -t1 -c32 -d${DURATION}s $HOP_URL                  # bench/GrpcHop, the floor of (c): front -> gRPC -> MariaDB, nothing of Winyx"
  echo "wrk -t1 -c32 -d${DURATION}s -H 'Authorization: Bearer TOKEN' http://127.0.0.1:$API_PORT$API_PATH      # the Api, under each variant's settings:"
  for variant in "${VARIANTS[@]}"; do echo "#   ${variant%%|*}: ${variant#*|}"; done
  echo '```'
  echo
  printf '| run | bare req/s | floor (GrpcHop) |'; for v in "${VARIANTS[@]}"; do printf ' %s |' "${v%%|*}"; done; echo
  printf '|---|---|---|'; for _ in "${VARIANTS[@]}"; do printf -- '---|'; done; echo
  for run in $(seq "$RUNS"); do
    printf '| %d | %.0f | %.0f |' "$run" "${RPS[bare,$run]}" "${RPS[floor,$run]}"
    for v in "${VARIANTS[@]}"; do printf ' %.0f |' "${RPS[${v%%|*},$run]}"; done; echo
  done
  printf '| Api CPU µs per request (median) | | %s (front) |' "$(rounds_median HOP_CPU "front")"
  for v in "${VARIANTS[@]}"; do printf ' %s |' "$(rounds_median CPU "${v%%|*}")"; done; echo
  printf '| warm-up s until the JIT was done (median) | %s | %s |' "$BARE_WARMED" "$HOP_WARMED"
  for v in "${VARIANTS[@]}"; do printf ' %s |' "$(rounds_median WARMED "${v%%|*}")"; done; echo
  printf '| methods JIT-compiled during the measured runs (median) | | |'
  for v in "${VARIANTS[@]}"; do printf ' %s |' "$(rounds_median JITTED "${v%%|*}")"; done; echo
  echo
  echo "Medians of the per-run ratios:"
  echo
  echo "| figure | ratio | goal |"
  echo "|---|---|---|"
  printf '| (a) cached GET / bare | **%.3f** | ≥ 0.5 |\n' "$cached_ratio"
  printf '| (b) full telemetry / telemetry off | **%.3f** | ≥ 0.9 |\n' "$telemetry_ratio"
  printf '| (b) full / tracing off (tracing'"'"'s share) | %.3f | |\n' "$(med full "tracing off")"
  printf '| (b) full / metrics off (metrics'"'"' share) | %.3f | |\n' "$(med full "metrics off")"
  printf '| (b) full / access log off (the access log'"'"'s share) | %.3f | |\n' "$(med full "access log off")"
  printf '| (c) uncached GET / bare | **%.3f** | ≥ 0.1 |\n' "$uncached_ratio"
  printf '| (c) the floor: bench/GrpcHop / bare | %.3f | |\n' "$(med floor bare)"
  printf '| (c) uncached GET / the floor (what Winyx keeps of it) | %.3f | |\n' "$(med uncached floor)"
  echo
  echo "(c) ran with the cache off (Cache__UserProfileTtl=0): every read is a UserRpc call and a MariaDB primary-key read."
  printf 'Per uncached GET (medians), the Api spent %s µs of CPU and UserRpc %s µs; on the floor'"'"'s path the front spent %s µs and the gRPC server %s µs.\n' \
    "$(rounds_median CPU "uncached")" \
    "$(rounds_median RPC_CPU "uncached")" \
    "$(rounds_median HOP_CPU "front")" \
    "$(rounds_median HOP_CPU "server")"
  echo "The floor is the same path with nothing of Winyx in it: a minimal API making one gRPC call with a deadline to a bare Grpc.AspNetCore service that reads the row with a prepared MySqlConnector command (no EF Core, interceptors, telemetry, authentication or access log), session reset off as in UserRpc. What the last uncached run's /metrics counted:"
  echo
  echo '```'
  cat "$STACK/uncached-$RUNS.prom" 2>/dev/null || echo "(not scraped)"
  echo '```'
  echo
  echo "## (d) Login throughput"
  echo
  echo '```'
  echo "wrk -t1 -c32 -d${DURATION}s -s login.lua http://127.0.0.1:$API_PORT/api/users/login   # POST {email,password}, RateLimiting__Login__PerIpPermitLimit=100000000"
  echo '```'
  echo
  printf -- '- logins: **%.1f /s** on the 2 shared cores; each verifies one PBKDF2-HMAC-SHA512 hash of %s iterations in UserRpc (Passwords:IterationCount, ASP.NET Core Identity V3)\n' "$login_rps" "$iterations"
  printf -- '- one core computes %s such hashes per second (Python hashlib over OpenSSL, as .NET on Linux uses it), so 2 cores bound logins near %.0f /s: login is bounded by the hash, by design (the cost an attacker pays per guess)\n' "$hashes_per_core" "$(echo "2 * $hashes_per_core" | bc -l)"
  echo
  echo "Single runs swing by ±30 % on this shared machine; the medians of interleaved ratios are the figures to quote."
} >"$body"
write_section request-path "$body"
rm -f "$body"
echo "wrote the request-path section of bench/RESULTS.md"
