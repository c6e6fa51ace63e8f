#!/usr/bin/env bash
# Runs the whole test suite (xunit against a private dockerd this run starts and removes; Pester too where pwsh exists)
# and ends with one summary line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
results=$(mktemp -d)
dotnet test Containers.sln -c Release --logger "trx;LogFilePrefix=results" --results-directory "$results" "$@"
status=$?
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
if command -v pwsh >/dev/null 2>&1; then
  pwsh -NoProfile -File ./build.ps1 -Test || status=1
fi
rm -rf "$results"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then status=1; fi
exit $status
