#!/usr/bin/env bash
# Run by hand (never in CI): (e) of issue 11 — the AppHost from prebuilt Release builds: start until every
# resource has settled (Winyx prints its resource table), the fleet's total memory (RSS of the AppHost and
# every process under it: DCP, the dashboard, services, MariaDB, Redis, Prometheus, exporters) at idle and
# under load (wrk on the Api's cached GET), and stop (Ctrl+C until the last process is gone).
# Writes the "apphost" section of bench/RESULTS.md. Knobs: RUNS (3), IDLE seconds (10), LOAD seconds (10).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib/api.sh
source bench/lib/results.sh

RUNS=${RUNS:-3}
IDLE=${IDLE:-10}
LOAD=${LOAD:-10}
OUT=$(mktemp -d /tmp/winyx-apphost-bench.XXXXXX)
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq; }

apphost=""
# The logs of the last run are kept in /tmp/winyx-apphost-last, so a run that never settles can be read after.
cleanup() {
  [ -n "$apphost" ] && kill -INT -- "-$apphost" 2>/dev/null; wait 2>/dev/null
  rm -rf /tmp/winyx-apphost-last; mv "$OUT" /tmp/winyx-apphost-last 2>/dev/null || true
}
trap cleanup EXIT

dotnet build src/Winyx.AppHost -c Release --nologo -v:quiet

descendants() { # PID -> PID and every process under it
  local pid=$1 child
  echo "$pid"
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do descendants "$child"; done
}
tree_rss_mib() { # PID -> total RSS in MiB of the tree
  local total=0 pid kb
  for pid in $(descendants "$1"); do
    kb=$(awk '/^VmRSS:/ {print $2}' /proc/"$pid"/status 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}
now() { date +%s.%N; }

rows=""
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq "$RUNS"); do
  log="$OUT/apphost-$run.log"
  started=$(now)
  # Ctrl+C in a terminal signals the whole foreground process group: `dotnet run` and the AppHost under it
  # (`dotnet run` alone does not pass SIGINT on). So the fleet gets a process group of its own (setsid),
  # and SIGINT's default disposition back (a script's background job starts with it ignored).
  setsid env --default-signal=INT dotnet run -c Release --no-build --project src/Winyx.AppHost -- --isolated >"$log" 2>&1 &
  apphost=$!
  for _ in $(seq 1200); do grep -q '^Dashboard: ' "$log" && break; kill -0 "$apphost" 2>/dev/null || break; sleep 0.1; done
  grep -q '^Dashboard: ' "$log" || { echo "the fleet never settled; see its output:" >&2; tail -40 "$log" >&2; exit 1; }
  settled=$(echo "$(now) - $started" | bc -l)
  reported=$(sed -n 's/^Winyx fleet settled \([0-9.]*\) s.*/\1/p' "$log" | tail -1)
  resources=$(awk '/^Winyx fleet settled/ {t=1; next} t && /^Dashboard: / {exit} t' "$log" | grep -cE 'Running|Finished|Exited' || true)
  api=$(awk '/^Winyx fleet settled/ {t=1} t && $1 == "api" {for (i = 1; i <= NF; i++) if ($i ~ /^http:/) {print $i; exit}}' "$log")

  sleep "$IDLE"
  idle_mib=$(tree_rss_mib "$apphost")

  echo "run $run: settled after ${settled}s, api at $api; idle memory ${idle_mib} MiB; loading" >&2
  email="bench-$run-$RANDOM@example.com"
  id=$(register_user "$api" Bench "$email" "correct horse battery")
  token=$(login_token "$api" "$email" "correct horse battery")
  wrk -t1 -c32 -d"${LOAD}s" -H "Authorization: Bearer $token" "${api%/}/api/users/$id" >"$OUT/wrk-$run.txt" &
  wrk_pid=$!
  peak=0
  while kill -0 "$wrk_pid" 2>/dev/null; do
    mib=$(tree_rss_mib "$apphost"); [ "$mib" -gt "$peak" ] && peak=$mib; sleep 1
  done
  wait "$wrk_pid" || true
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk-$run.txt")

  pids=$(descendants "$apphost")
  stopping=$(now)
  kill -INT -- "-$apphost"
  for _ in $(seq 600); do
    alive=0; for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break; sleep 0.1
  done
  stopped=$(echo "$(now) - $stopping" | bc -l)
  [ "$alive" = 0 ] || { echo "the fleet did not stop within 60 s of Ctrl+C" >&2; kill -KILL -- "-$apphost" 2>/dev/null || true; }
  wait "$apphost" 2>/dev/null || true
  apphost=""
  rows+=$(printf '| %d | %.1f | %s | %s | %d | %d | %.0f | %.1f |\\n' "$run" "$settled" "${reported:-?}" "$resources" "$idle_mib" "$peak" "${rps:-0}" "$stopped")
  echo "run $run: settled ${settled}s, idle ${idle_mib} MiB, under load ${peak} MiB (${rps} req/s), stopped in ${stopped}s"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

body=$(mktemp)
{
  echo "## (e) The AppHost: start, stop, memory (issue 11)"
  echo
  echo "Written by \`bench/apphost.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), at commit $(git rev-parse --short HEAD); load average before: $load_before; after: $load_after."
  echo
  echo '```'
  echo "dotnet build src/Winyx.AppHost -c Release"
  echo "dotnet run -c Release --no-build --project src/Winyx.AppHost -- --isolated   # until 'Dashboard: ' (every resource settled), then Ctrl+C (SIGINT)"
  echo "wrk -t1 -c32 -d${LOAD}s -H 'Authorization: Bearer TOKEN' API/api/users/ID    # the load, while memory is sampled each second"
  echo '```'
  echo
  echo "Memory is the RSS of the AppHost and every process under it (DCP, the Aspire dashboard, the services, MariaDB,"
  echo "Redis, Prometheus, Alertmanager, the exporters), idle ${IDLE} s after settling and the peak under load."
  echo
  echo "| run | start → settled s (measured) | settled s (reported by the AppHost) | resources in the table | idle MiB | under load MiB | load req/s | stop s |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%b' "$rows"
} >"$body"
write_section apphost "$body"
rm -f "$body"
echo "wrote the apphost section of bench/RESULTS.md"
