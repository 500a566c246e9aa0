#!/usr/bin/env bash
# Run by hand (never in CI): where the Api's (and, uncached, UserRpc's) CPU goes on the GET /api/users/{id} path,
# by layer. A Release stack as bench/lib/stack.sh wires it, warmed until the JIT is quiet, then `perf record -g`
# of each process while wrk -t1 -c32 loads it; bench/lib/perf_layers.py gives each sample to the innermost request
# layer on its stack (middleware, cache, gRPC, MySQL, JSON, OpenTelemetry...) and prints a table per process.
# The cached path completes synchronously, so its stacks are whole; on the uncached one, code after an await
# is found under the thread that resumed it.
#
#   bash bench/profile-layers.sh cached|uncached [NAME=VALUE ...]     # settings for both services, e.g.
#   bash bench/profile-layers.sh cached Telemetry__Tracing__Enabled=false
#
# Knobs: DURATION seconds profiled (8), FREQUENCY samples per second (999), BUILD=0 to skip building.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/stack.sh
source bench/lib/api.sh

PATH_KIND=${1:-}
case "$PATH_KIND" in
  cached) CACHE=() ;;
  uncached) CACHE=(Cache__UserProfileTtl=0) ;;
  *) echo "usage: $0 cached|uncached [NAME=VALUE ...] (got '${PATH_KIND}')" >&2; exit 2 ;;
esac
shift
DURATION=${DURATION:-8}
FREQUENCY=${FREQUENCY:-999}
need perf linux-perf
need python3 python3

[ "${BUILD:-1}" = 0 ] || build_release
start_infra
# Perf maps name the JIT's code; W^X off, or the maps would name the writable aliases.
PERF_SETTINGS=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
start_userrpc "${PERF_SETTINGS[@]}" "$@"
sign_in_bench_user
start_api "${PERF_SETTINGS[@]}" "${CACHE[@]}" "$@"
URL="http://127.0.0.1:$API_PORT/api/users/$ID"

echo "warmed $(warm_up "$WINYX_PROCESSES" "$URL" -H "$AUTH") s until the JIT was quiet"
PROFILED=(api "$API_PID")
[ "$PATH_KIND" = uncached ] && PROFILED+=(userrpc "$USERRPC_PID")
declare -A TICKS PERF_PIDS
for ((i = 0; i < ${#PROFILED[@]}; i += 2)); do
  name=${PROFILED[i]} pid=${PROFILED[i + 1]}
  perf record -q -F "$FREQUENCY" -g -o "$STACK/$name.perf" -p "$pid" -- sleep "$((DURATION + 1))" >/dev/null 2>&1 &
  PERF_PIDS[$name]=$!
  TICKS[$name]=$(cpu_ticks "$pid")
done
rps=$(wrk_rps "$URL" "$DURATION" -H "$AUTH")
echo "$PATH_KIND GET: $rps req/s under perf (wrk -t1 -c32 -d${DURATION}s), settings: ${*:-none}"
for ((i = 0; i < ${#PROFILED[@]}; i += 2)); do
  name=${PROFILED[i]} pid=${PROFILED[i + 1]}
  cpu=$(cpu_us_per_request "$pid" "${TICKS[$name]}" "$rps" "$DURATION")
  wait "${PERF_PIDS[$name]}" || true
  echo
  echo "$name: $cpu µs of CPU per request"
  python3 bench/lib/perf_layers.py "$STACK/$name.perf" "$cpu"
  rm -f "/tmp/perf-$pid.map" # the runtime leaves its map behind; this run no longer needs it
done
