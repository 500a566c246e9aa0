# Sourced by the request-path benches: starts, on 127.0.0.1 and from Release builds, what the Api needs
# the way the AppHost wires it (each service's content root is its project directory, as under the
# AppHost, so its appsettings.json applies) (MariaDB + UserRpc, Redis, the Api with ConnectionStrings__redis and
# services__userrpc__http__0), plus bench/MinimalEndpoint, and stops all of it on exit.
# Every process started here is recorded in $STACK/pids and killed by its own pid.
set -euo pipefail

STACK=$(mktemp -d /tmp/winyx-bench.XXXXXX)
BENCH_PIDS=()
BENCH_PORT_BASE=${BENCH_PORT_BASE:-5300}
MYSQL_PORT=$((BENCH_PORT_BASE + 6))
REDIS_PORT=$((BENCH_PORT_BASE + 7))
USERRPC_PORT=$((BENCH_PORT_BASE + 8))
USERRPC_MGMT_PORT=$((BENCH_PORT_BASE + 9))
BARE_PORT=$((BENCH_PORT_BASE + 10))
API_PORT=$((BENCH_PORT_BASE + 11))
HOP_SERVER_PORT=$((BENCH_PORT_BASE + 12))
HOP_FRONT_PORT=$((BENCH_PORT_BASE + 13))
# The processes of the Api's path, by the names their JIT logs carry (jit_log): what warm_up waits for.
WINYX_PROCESSES="api userrpc"
DB_PASSWORD=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
JWT_KEY=$(head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n')

stack_stop() {
  local pid
  for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${BENCH_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  BENCH_PIDS=()
  rm -rf "$STACK"
}
trap stack_stop EXIT

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2"; }; }
need wrk wrk; need jq jq; need bc bc; need redis-server redis-server; need mariadbd mariadb-server

wait_http() { # URL [tries]
  local i
  for i in $(seq "${2:-300}"); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer from $1" >&2; return 1
}

build_release() {
  dotnet build src/Winyx.Api -c Release --nologo -v:quiet
  dotnet build src/Winyx.UserRpc -c Release --nologo -v:quiet
  dotnet build bench/MinimalEndpoint -c Release --nologo -v:quiet
  dotnet build bench/GrpcHop -c Release --nologo -v:quiet
}

start_infra() {
  mkdir -p "$STACK/mysql" "$STACK/redis"
  mariadb-install-db --no-defaults --user=root --datadir="$STACK/mysql" --auth-root-authentication-method=normal \
    --skip-test-db --innodb-log-file-size=8M >"$STACK/mysql-install.log" 2>&1
  mariadbd --no-defaults --user=root --datadir="$STACK/mysql" --port="$MYSQL_PORT" --bind-address=127.0.0.1 \
    --socket="$STACK/mysql/mysqld.sock" --pid-file="$STACK/mysql/mysqld.pid" --log-error="$STACK/mysql.log" \
    --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-log-file-size=8M &
  BENCH_PIDS+=($!)
  local i
  for i in $(seq 100); do [ -S "$STACK/mysql/mysqld.sock" ] && break; sleep 0.1; done
  mariadb --no-defaults -S "$STACK/mysql/mysqld.sock" -uroot <<SQL
CREATE DATABASE userdb;
CREATE USER 'winyx'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON userdb.* TO 'winyx'@'127.0.0.1';
SQL
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STACK/redis" --daemonize no --save '' \
    --appendonly no --maxmemory 64mb >"$STACK/redis.log" 2>&1 &
  BENCH_PIDS+=($!)
  for i in $(seq 100); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
}

# start_userrpc [NAME=VALUE ...]: UserRpc (the build USERRPC_DLL names, else this checkout's) with the given settings; sets USERRPC_PID.
start_userrpc() {
  ConnectionStrings__userdb="$(userdb_connection_string)" \
  ASPNETCORE_URLS="http://127.0.0.1:$USERRPC_PORT" Management__Port="$USERRPC_MGMT_PORT" \
    env $(jit_log userrpc) "$@" dotnet "${USERRPC_DLL:-src/Winyx.UserRpc/bin/Release/net10.0/Winyx.UserRpc.dll}" --contentRoot "$PWD/src/Winyx.UserRpc" >"$STACK/userrpc.log" 2>&1 &
  USERRPC_PID=$!
  BENCH_PIDS+=($USERRPC_PID)
  wait_http "http://127.0.0.1:$USERRPC_MGMT_PORT/alive"
}

userdb_connection_string() { echo "Server=127.0.0.1;Port=$MYSQL_PORT;User ID=winyx;Password=$DB_PASSWORD;Database=userdb"; }

# start_hop: bench/GrpcHop, the uncached GET's path with nothing of Winyx in it (front -> gRPC -> MariaDB);
# after start_userrpc, whose migration creates the users table it reads.
start_hop() {
  local hop=bench/GrpcHop/bin/Release/net10.0/GrpcHop.dll
  ConnectionStrings__userdb="$(userdb_connection_string)" env $(jit_log hop-server) dotnet "$hop" server "$HOP_SERVER_PORT" >"$STACK/hop-server.log" 2>&1 &
  HOP_SERVER_PID=$!
  BENCH_PIDS+=($HOP_SERVER_PID)
  env $(jit_log hop-front) dotnet "$hop" front "$HOP_FRONT_PORT" "http://127.0.0.1:$HOP_SERVER_PORT" >"$STACK/hop-front.log" 2>&1 &
  HOP_FRONT_PID=$!
  BENCH_PIDS+=($HOP_FRONT_PID)
  # 404 until the user is registered: any HTTP answer means both ends are up.
  local i
  for i in $(seq 300); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HOP_FRONT_PORT/users/0")" = 404 ] && return 0; sleep 0.1; done
  echo "bench/GrpcHop did not answer on port $HOP_FRONT_PORT" >&2; return 1
}

start_bare() {
  env $(jit_log bare) dotnet bench/MinimalEndpoint/bin/Release/net10.0/MinimalEndpoint.dll "$BARE_PORT" >"$STACK/bare.log" 2>&1 &
  BARE_PID=$!
  BENCH_PIDS+=($BARE_PID)
  wait_http "http://127.0.0.1:$BARE_PORT/"
}

# start_api [NAME=VALUE ...]: the Api with the AppHost's wiring plus the given settings; sets API_PID.
start_api() {
  env ConnectionStrings__redis="127.0.0.1:$REDIS_PORT" \
    services__userrpc__http__0="http://127.0.0.1:$USERRPC_PORT" \
    Jwt__SigningKey="$JWT_KEY" ASPNETCORE_URLS="http://127.0.0.1:$API_PORT" \
    $(jit_log api) "$@" dotnet "${API_DLL:-src/Winyx.Api/bin/Release/net10.0/Winyx.Api.dll}" --contentRoot "$PWD/src/Winyx.Api" >"$STACK/api.log" 2>&1 &
  API_PID=$!
  BENCH_PIDS+=($API_PID)
  wait_http "http://127.0.0.1:$API_PORT/alive"
  # Ready once UserRpc has migrated its schema and answers.
  local i
  for i in $(seq 300); do
    curl -fs "http://127.0.0.1:$API_PORT/health" | grep -q '"userrpc":{"status":"Healthy"' && return 0
    curl -fs "http://127.0.0.1:$API_PORT/health" >/dev/null && return 0
    sleep 0.1
  done
}

stop_api() { stop_process "$API_PID"; }
stop_userrpc() { stop_process "$USERRPC_PID"; }

# stop_process PID: stops one process this file started and forgets it
stop_process() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  local keep=() pid
  for pid in "${BENCH_PIDS[@]}"; do [ "$pid" != "$1" ] && keep+=("$pid"); done
  BENCH_PIDS=("${keep[@]}")
}

# jit_log NAME -> the settings that make a .NET process write one line per method its JIT compiles to
# $STACK/jit-NAME.log (emptied here: a fresh process of that name starts a fresh log). warm_up reads them.
jit_log() {
  : >"$STACK/jit-$1.log"
  echo "DOTNET_JitStdOutFile=$STACK/jit-$1.log DOTNET_JitDisasmSummary=1"
}

# jit_methods NAME... -> how many methods the JIT of those processes has compiled so far
jit_methods() {
  local name total=0
  for name in "$@"; do total=$((total + $(wc -l <"$STACK/jit-$name.log"))); done
  echo "$total"
}

# warm_up "NAME..." URL [wrk args...]: loads URL (wrk -t1 -c32) in WARM_CHUNK-second chunks until the JIT of the
# named processes is done with the path: two chunks in a row in which they compiled fewer than JIT_QUIET methods
# together, and at least WARM_MIN seconds; WARM_MAX seconds at most. Prints the seconds it took.
# Why: tiered compilation recompiles the hot path (tier 0, instrumented, then optimised tier 1) on a background
# thread that the load starves of the 2 cores. Measured on 2026-12-03, the Api and UserRpc compiled ~17,000 and
# ~25,000 methods and took 35-45 s of the uncached GET's load to finish, serving 650 req/s at first and 4,200 once
# done: a fixed 12-15 s warm-up measured the JIT, not the services (bench/RESULTS.md, tenth pass).
warm_up() {
  local names=$1 url=$2 quiet=0 waited=0 before after
  shift 2
  while [ "$waited" -lt "${WARM_MAX:-120}" ]; do
    before=$(jit_methods $names)
    wrk -t1 -c32 -d"${WARM_CHUNK:-5}s" "$@" "$url" >/dev/null
    waited=$((waited + ${WARM_CHUNK:-5}))
    after=$(jit_methods $names)
    if [ $((after - before)) -lt "${JIT_QUIET:-100}" ]; then quiet=$((quiet + 1)); else quiet=0; fi
    [ "$quiet" -ge 2 ] && [ "$waited" -ge "${WARM_MIN:-15}" ] && break
  done
  [ "$quiet" -ge 2 ] || echo "warm_up: the JIT of $names was still busy after ${waited} s (WARM_MAX)" >&2
  echo "$waited"
}

# cpu_ticks PID -> user + system clock ticks the process has used
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# cpu_us_per_request PID TICKS_BEFORE RPS SECONDS -> microseconds of the process's CPU per request since TICKS_BEFORE
cpu_us_per_request() {
  local ticks=$(( $(cpu_ticks "$1") - $2 )) hz
  hz=$(getconf CLK_TCK)
  if [ "$(echo "$3 <= 0" | bc)" = 1 ]; then echo 0; return; fi
  echo "scale=1; $ticks * 1000000 / $hz / ($3 * $4)" | bc -l
}

load_avg() { cut -d' ' -f1-3 /proc/loadavg; }

# wrk_rps URL SECONDS [wrk args...] -> requests/s (non-2xx answers counted out: they would flatter the figure)
wrk_rps() {
  local url=$1 seconds=$2 out
  shift 2
  out=$(wrk -t1 -c32 -d"${seconds}s" "$@" "$url")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $url:" >&2; echo "$out" >&2; return 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

# median VALUE... -> the middle value; for an even count the mean of the two middle ones (not the lower: it would
# lean every figure of an even RUNS low)
median() { printf '%s\n' "$@" | sort -g | awk -v OFMT='%.10g' '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { echo "scale=6; $1 / $2" | bc -l; }
# rounds_median ARRAY KEY -> the median over rounds 1..RUNS of ARRAY[KEY,round]
rounds_median() {
  local -n values=$1
  local run
  median $(for run in $(seq "$RUNS"); do echo "${values[$2,$run]}"; done)
}

machine_lines() {
  echo "- $(nproc) cores: $(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}'), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- .NET SDK $(dotnet --version), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), MariaDB $(mariadbd --version | awk '{print $3}'), Redis $(redis-server --version | awk '{print $3}' | tr -d 'v=')"
}
