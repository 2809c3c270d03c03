#!/usr/bin/env bash
# Runs the whole test suite (installing native packages first when missing) and ends with
# one line "N passed, N failed[, N skipped]" taken from the TRX results.
set -uo pipefail
cd "$(dirname "$0")/.."
bash tools/install-native.sh --with-test-tools || exit 1

results=$(mktemp -d)
dotnet build GridEmissions.sln -c Release -nologo -v q || { echo "0 passed, 1 failed"; exit 1; }
dotnet test GridEmissions.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.MaxCpuCount=1
status=$?

passed=0; failed=0; skipped=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  fl=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  x=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${fl:-0} + ${e:-0}))
  skipped=$((skipped + ${t:-0} - ${x:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
