#!/usr/bin/env bash
# Run by hand (never in CI): variants of the uncached GET /api/users/{id} (Api -> UserRpc -> MariaDB) measured
# interleaved (each round in an order rotated by one), a fresh Api and a fresh UserRpc process per variant and
# round, bench/GrpcHop (the same path with nothing of Winyx in it) once per round. On a shared 2-core host
# single runs swing by +-30 %, so what it reports are medians of per-round ratios: each variant's req/s over the
# first variant's in the same round, and UserRpc's CPU per request over the Api's (a change on one side moves
# that ratio; the host's mood moves both).
#
#   bash bench/uncached-ab.sh 'LABEL|API SETTINGS|USERRPC SETTINGS' ...
#
# SETTINGS are NAME=VALUE words given to that process's environment; API_DLL=PATH or USERRPC_DLL=PATH runs
# another build (its content root stays the project directory here). Example, the build before a change
# (`git worktree add /tmp/before REV && dotnet build /tmp/before/src/Winyx.UserRpc -c Release`) against this one:
#   bash bench/uncached-ab.sh 'before||USERRPC_DLL=/tmp/before/src/Winyx.UserRpc/bin/Release/net10.0/Winyx.UserRpc.dll' 'after||'
# Each process is measured once its JIT is done with the path (warm_up in bench/lib/stack.sh).
# Knobs: RUNS (5), DURATION seconds measured (8), BUILD=0 to skip building this checkout in Release, and
# warm_up's WARM_MIN, WARM_MAX, WARM_CHUNK and JIT_QUIET.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/stack.sh
source bench/lib/api.sh
source bench/lib/variants.sh

start_ab 'LABEL|API SETTINGS|USERRPC SETTINGS' start_hop "$@"
URL="http://127.0.0.1:$API_PORT/api/users/$ID"
HOP_URL="http://127.0.0.1:$HOP_FRONT_PORT/users/$ID"

# split SETTINGS DLL_NAME -> sets DLL (the PATH of DLL_NAME=PATH, or empty) and WORDS (the other settings)
split() {
  local word
  DLL=""
  WORDS=()
  for word in $1; do
    if [ "${word%%=*}" = "$2" ]; then DLL=${word#*=}; else WORDS+=("$word"); fi
  done
}

# measure INDEX ROUND API_SETTINGS USERRPC_SETTINGS: req/s and CPU per request of fresh processes of both, into
# RPS, API_CPU and RPC_CPU (in this shell: the processes it starts must stay its own to be stopped).
measure() {
  local api rpc rps jitted
  stop_userrpc
  split "$4" USERRPC_DLL
  USERRPC_DLL=${DLL:-src/Winyx.UserRpc/bin/Release/net10.0/Winyx.UserRpc.dll} start_userrpc "${WORDS[@]}"
  split "$3" API_DLL
  API_DLL=${DLL:-src/Winyx.Api/bin/Release/net10.0/Winyx.Api.dll} start_api Cache__UserProfileTtl=0 "${WORDS[@]}"
  WARMED[$1,$2]=$(warm_up "$WINYX_PROCESSES" "$URL" -H "$AUTH")
  jitted=$(jit_methods $WINYX_PROCESSES)
  api=$(cpu_ticks "$API_PID")
  rpc=$(cpu_ticks "$USERRPC_PID")
  rps=$(wrk_rps "$URL" "$DURATION" -H "$AUTH" || echo 0)
  RPS[$1,$2]=$rps
  API_CPU[$1,$2]=$(cpu_us_per_request "$API_PID" "$api" "$rps" "$DURATION")
  RPC_CPU[$1,$2]=$(cpu_us_per_request "$USERRPC_PID" "$rpc" "$rps" "$DURATION")
  JITTED[$1,$2]=$(($(jit_methods $WINYX_PROCESSES) - jitted))
  stop_api
}

declare -A RPS API_CPU RPC_CPU FLOOR WARMED JITTED
warm_up "hop-front hop-server" "$HOP_URL" >/dev/null
echo "load average before: $(load_avg)"
for run in $(seq "$RUNS"); do
  FLOOR[$run]=$(wrk_rps "$HOP_URL" "$DURATION")
  line="round $run: floor ${FLOOR[$run]}"
  for step in $(seq 0 $(($# - 1))); do
    index=$(variant_index "$step" "$run" $#)
    variant=${*:$((index + 1)):1}
    IFS='|' read -r label api_settings rpc_settings <<<"$variant"
    measure "$index" "$run" "$api_settings" "$rpc_settings"
    line+=" | $label ${RPS[$index,$run]} req/s, Api ${API_CPU[$index,$run]} µs, UserRpc ${RPC_CPU[$index,$run]} µs, warmed ${WARMED[$index,$run]} s, ${JITTED[$index,$run]} methods JIT-compiled while measured"
  done
  echo "$line"
done
echo "load average after: $(load_avg)"

vs_floor() { ratio "${RPS[$1,$2]}" "${FLOOR[$2]}"; }
rpc_over_api() { ratio "${RPC_CPU[$1,$2]}" "${API_CPU[$1,$2]}"; }

echo
echo "| variant | req/s | Api CPU µs/request | UserRpc CPU µs/request | req/s / first variant's | req/s / the floor's | UserRpc CPU / Api CPU |"
echo "|---|---|---|---|---|---|---|"
for index in $(seq 0 $(($# - 1))); do
  variant=${*:$((index + 1)):1}
  printf '| %s | %s | %s | %s | %.3f | %.3f | %.3f |\n' "${variant%%|*}" "$(rounds_median RPS "$index")" \
    "$(rounds_median API_CPU "$index")" "$(rounds_median RPC_CPU "$index")" "$(per_round vs_first "$index")" \
    "$(per_round vs_floor "$index")" "$(per_round rpc_over_api "$index")"
done
echo "(medians over $RUNS interleaved rounds; wrk -t1 -c32 -d${DURATION}s once the JIT of both services was done with the path)"
