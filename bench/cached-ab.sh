#!/usr/bin/env bash
# Run by hand (never in CI): variants of the Api's cached GET /api/users/{id} against bench/MinimalEndpoint (bare),
# interleaved: bare once at the start of each round, then a fresh Api process per variant, each round in an order
# rotated by one, each process measured once its JIT is done with the path (warm_up in bench/lib/stack.sh). For
# goal (b) of issue 11 with more rounds than bench/request-path.sh gives it: single runs swing by +-15 % on a shared
# 2-core host, so it reports medians of per-round ratios to bare and the Api's CPU per request.
#
#   bash bench/cached-ab.sh 'LABEL|API SETTINGS' ...
#
# SETTINGS are NAME=VALUE words given to the Api's environment, e.g.
#   RUNS=5 bash bench/cached-ab.sh 'full|' 'tracing off|Telemetry__Tracing__Enabled=false'
# Knobs: RUNS (5), DURATION seconds measured (8), BUILD=0 to skip building this checkout in Release, and
# warm_up's WARM_MIN, WARM_MAX, WARM_CHUNK and JIT_QUIET.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/stack.sh
source bench/lib/api.sh
source bench/lib/variants.sh

start_ab 'LABEL|API SETTINGS' start_bare "$@"
URL="http://127.0.0.1:$API_PORT/api/users/$ID"
BARE_URL="http://127.0.0.1:$BARE_PORT/users/$ID"

declare -A RPS RATIO CPU
# measure INDEX ROUND BARE_RPS SETTINGS: a fresh Api under SETTINGS, warmed, then measured; into RPS, RATIO and CPU
# (in this shell: the processes it starts must stay its own to be stopped).
measure() {
  local before rps
  # Redis (L2) outlives the Api processes: empty it, so every variant fills its own cache.
  redis-cli -p "$REDIS_PORT" FLUSHALL >/dev/null
  # shellcheck disable=SC2086
  start_api $4
  warm_up api "$URL" -H "$AUTH" >/dev/null
  before=$(cpu_ticks "$API_PID")
  rps=$(wrk_rps "$URL" "$DURATION" -H "$AUTH" || echo 0)
  CPU[$1,$2]=$(cpu_us_per_request "$API_PID" "$before" "$rps" "$DURATION")
  RPS[$1,$2]=$rps
  RATIO[$1,$2]=$(ratio "$rps" "$3")
  stop_api
}

warm_up bare "$BARE_URL" >/dev/null
echo "load average before: $(load_avg)"
for run in $(seq "$RUNS"); do
  bare=$(wrk_rps "$BARE_URL" "$DURATION")
  line="round $run: bare $bare"
  for step in $(seq 0 $(($# - 1))); do
    index=$(variant_index "$step" "$run" $#)
    variant=${*:$((index + 1)):1}
    measure "$index" "$run" "$bare" "${variant#*|}"
    line+=" | ${variant%%|*} ${RPS[$index,$run]} req/s, ${CPU[$index,$run]} µs"
  done
  echo "$line"
done
echo "load average after: $(load_avg)"

echo
echo "| variant | req/s / bare | Api CPU µs/request | req/s / first variant's |"
echo "|---|---|---|---|"
for index in $(seq 0 $(($# - 1))); do
  variant=${*:$((index + 1)):1}
  printf '| %s | %.3f | %s | %.3f |\n' "${variant%%|*}" "$(rounds_median RATIO "$index")" "$(rounds_median CPU "$index")" "$(per_round vs_first "$index")"
done
echo "(medians over $RUNS interleaved rounds; wrk -t1 -c32 -d${DURATION}s once the Api's JIT was done with the path)"
