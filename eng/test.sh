#!/usr/bin/env bash
# Builds Winyx and runs every test project, then prints the totals over all of them as the
# last line: "N passed, N failed" (", N skipped" when any). Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

dotnet build Winyx.sln -c Release -warnaserror --nologo -v:quiet
build_rc=$?
test_rc=0
if [ $build_rc -eq 0 ]; then
  # A hung test is a bug: blame-hang turns it into a failure with a dump instead of a stuck CI.
  # The fleet tests (each starts the whole AppHost) run after the rest, alone: on a 2-core box a
  # fleet beside eleven other test assemblies measures the box, not Winyx.
  dotnet test Winyx.sln -c Release --no-build --nologo \
    --logger "trx" --logger "console;verbosity=normal" \
    --blame-hang-timeout 10m --filter "FullyQualifiedName!~Winyx.AppHost.Tests" "$@"
  test_rc=$?
  # The alert proof is one test of about ten minutes (a whole fleet, every alert provoked in turn).
  dotnet test tests/Winyx.AppHost.Tests -c Release --no-build --nologo \
    --logger "trx" --logger "console;verbosity=normal" \
    --blame-hang-timeout 25m "$@"
  fleet_rc=$?
  [ $test_rc -eq 0 ] && test_rc=$fleet_rc
fi

# counter COUNTERS NAME: one attribute of a trx <Counters> element, 0 when absent.
counter() { local v; v=$(echo "$1" | sed -n "s/.* $2=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }

passed=0; failed=0; skipped=0
for trx in "$results"/*/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  passed=$((passed + $(counter "$counters" passed)))
  failed=$((failed + $(counter "$counters" failed) + $(counter "$counters" error) + $(counter "$counters" timeout) + $(counter "$counters" aborted)))
  skipped=$((skipped + $(counter "$counters" total) - $(counter "$counters" executed)))
done

if [ $build_rc -ne 0 ] || { [ $test_rc -ne 0 ] && [ $failed -eq 0 ]; }; then
  echo "error: the build or the test run failed outside any test (build rc=$build_rc, test rc=$test_rc)" >&2
  failed=$((failed + 1))
fi

# What failed and why, next to the totals: a CI log is often read from its end.
[ $failed -gt 0 ] && ./eng/print-failures.sh "$results"

line="$passed passed, $failed failed"
[ $skipped -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ $failed -eq 0 ]
