# Sourced by the A/B benches (cached-ab.sh, uncached-ab.sh): their arguments and the order of each round.

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
