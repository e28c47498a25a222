#!/usr/bin/env bash
# The test command: installs what is missing, runs every test of the solution (a real PostgreSQL sandbox
# is started by the tests themselves), and prints "N passed, N failed[, N skipped]" from the results.
# Extra arguments go to dotnet test, e.g. ./build/test.sh --filter TestCategory=Live
# The sandbox's container backend is tested on a Docker engine this script starts for the run and stops at its end
# (build/docker-engine.sh), with a PostgreSQL image from build/postgres-image.sh.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash "$root/build/install-prerequisites.sh"
# shellcheck source=build/docker-engine.sh
. "$root/build/docker-engine.sh"
trap docker_engine_down EXIT
docker_engine_up

results="$root/artifacts/test-results"
rm -rf "$results"
set +e
dotnet test "$root/QueryServiceOrm.sln" -c Release --nologo --logger "trx" --results-directory "$results" "$@"
status=$?
set -e

count() { # attribute name -> sum over every TRX file's <Counters>
  local total=0 n f
  for f in "$results"/*.trx; do
    [ -f "$f" ] || continue
    n="$(grep -o "<Counters [^>]*" "$f" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" || echo 0)"
    total=$((total + ${n:-0}))
  done
  echo "$total"
}

passed="$(count passed)"
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
skipped=$(( $(count total) - $(count executed) ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build or the test host failed before any result was recorded.
  failed=1
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit "$status"
