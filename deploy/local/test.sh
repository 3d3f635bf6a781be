#!/usr/bin/env bash
# Runs the whole test suite: installs and starts what the tests need (PostgreSQL and RabbitMQ on
# loopback, unless the environment names servers or a container engine answers; Debian's Chromium
# for the browser tests), builds the
# solution (warnings are errors) and runs every test project, listing each test.
#
#   deploy/local/test.sh                         everything
#   deploy/local/test.sh --filter "FullyQualifiedName~Planning"   any `dotnet test` arguments
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"

ensure_dotnet
ensure_chromium

if [ -n "${LEARNINGWEEK_TEST_POSTGRES:-}" ] && [ -n "${LEARNINGWEEK_TEST_RABBITMQ:-}" ]; then
  say "tests use the servers named by LEARNINGWEEK_TEST_POSTGRES and LEARNINGWEEK_TEST_RABBITMQ"
elif container_engine_answers; then
  say "a container engine answers: tests start PostgreSQL and RabbitMQ with Testcontainers"
else
  "$here/infra.sh" up
  eval "$("$here/infra.sh" env | grep LEARNINGWEEK_TEST_)"
  say "tests use the local servers (left running afterwards; deploy/local/infra.sh down stops them)"
fi

cd "$repo_root"
say "building LearningWeek.Aspire.sln"
dotnet build LearningWeek.Aspire.sln -nologo -v quiet -clp:ErrorsOnly

results="$state_dir/test-results"
logs="$results/logs"
rm -rf "$logs"
export LEARNINGWEEK_TEST_LOGS="$logs"
say "running the tests (the servers' logs go to ${logs#"$repo_root/"}/<project>/<test class>.log)"
status=0
dotnet test LearningWeek.Aspire.sln --no-build --nologo \
  --logger "console;verbosity=normal" \
  --results-directory "$results" \
  "$@" || status=$?
if [ "$status" -ne 0 ]; then
  warn "tests failed; what the servers under test logged meanwhile is in ${logs#"$repo_root/"}/<project>/<test class>.log"
fi
exit "$status"
