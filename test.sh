#!/usr/bin/env bash
# Runs the whole test suite (xunit against a private dockerd this run starts and removes, then Pester in pwsh)
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
# The Pester tests: the built module in a real pwsh (from tools/Pester/install-pester.sh and the PowerShell global tool,
# which .ci/run installs).
export PATH="$PATH:$HOME/.dotnet/tools"
if command -v pwsh >/dev/null 2>&1; then
  pwsh -NoProfile -NonInteractive -File ./build.ps1 -Test -ResultCountPath "$results/pester.counts" || status=1
  if [ -f "$results/pester.counts" ]; then
    read -r p f n <"$results/pester.counts"
    passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + n))
  else
    echo "The Pester run reported no counts." >&2; failed=$((failed + 1))
  fi
else
  echo "pwsh is not installed, so the Pester tests did not run (.ci/run installs it)." >&2; failed=$((failed + 1))
fi
# CI shows only the end of this output, so name the failed xunit tests here, last, where it can be seen.
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" | sed -n 's/.* testName="\([^"]*\)".*/Failed: \1/p'
done
rm -rf "$results"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then status=1; fi
exit $status
