# Sourced by the A/B benches (cached-ab.sh, uncached-ab.sh): their start, their arguments and the order of each round.

# start_ab SHAPE START_BASELINE VARIANT...: what both A/B benches do before their first round: RUNS (5) and
# DURATION (8) unless set, the variants checked against SHAPE, this checkout built in Release (unless BUILD=0),
# MariaDB, Redis and UserRpc started, then the baseline (START_BASELINE: start_bare or start_hop), then the bench
# user signed in (ID, AUTH). Runs in the caller's shell, so the processes stay the bench's own to stop.
start_ab() {
  local shape=$1 start_baseline=$2
  shift 2
  RUNS=${RUNS:-5}
  DURATION=${DURATION:-8}
  check_variants "$shape" "$@"
  [ "${BUILD:-1}" = 0 ] || build_release
  start_infra
  start_userrpc
  "$start_baseline"
  sign_in_bench_user
}

# check_variants SHAPE VARIANT...: exits, naming it, at the first VARIANT with other '|' separators than SHAPE
# (e.g. 'LABEL|API SETTINGS'), or with the usage when there is none.
check_variants() {
  local shape=$1 variant
  shift
  [ $# -ge 1 ] || { echo "usage: $0 '$shape' ..." >&2; exit 2; }
  for variant in "$@"; do
    [ "$(tr -cd '|' <<<"$variant")" = "$(tr -cd '|' <<<"$shape")" ] || { echo "'$variant' is not $shape" >&2; exit 2; }
  done
}

# variant_index STEP ROUND COUNT -> the index of the variant measured at STEP (0-based) of ROUND (1-based): each
# round starts one variant later, so no variant always runs first (right after bare's or the floor's load).
variant_index() { echo $(( ($1 + $2 - 1) % $3 )); }

# per_round FN INDEX -> the median over rounds 1..RUNS of what FN INDEX ROUND prints (a per-round ratio)
per_round() {
  local run
  median $(for run in $(seq "$RUNS"); do "$1" "$2" "$run"; done)
}

# vs_first INDEX ROUND -> that round's req/s of variant INDEX over the first variant's (the bench's RPS array)
vs_first() { ratio "${RPS[$1,$2]}" "${RPS[0,$2]}"; }
