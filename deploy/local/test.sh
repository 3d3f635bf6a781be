#!/usr/bin/env bash
# Runs the whole test suite: installs and starts what the tests need (PostgreSQL and RabbitMQ on
# loopback, unless the environment names servers or a container engine answers; Debian's Chromium
# for the browser tests, python3-pika for the city subscriber's), builds the
# solution (warnings are errors) and runs every test project, listing each test; meanwhile the
# AsyncAPI CLI validates the event contract (docs/asyncapi.json).
#
#   deploy/local/test.sh                         everything
#   deploy/local/test.sh --filter "FullyQualifiedName~Planning"   any `dotnet test` arguments
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"

ensure_dotnet
ensure_chromium
ensure_node
ensure_pika

mkdir -p "$state_dir"
asyncapi_log="$state_dir/asyncapi-validate.log"
asyncapi_validate >"$asyncapi_log" 2>&1 &
asyncapi_pid=$!

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
if wait "$asyncapi_pid"; then
  say "docs/asyncapi.json is valid for the AsyncAPI CLI $asyncapi_cli_version"
else
  warn "the AsyncAPI CLI refused docs/asyncapi.json:"
  grep -v '^WARNING' "$asyncapi_log" >&2 || true
  status=1
fi
if [ "$status" -ne 0 ]; then
  warn "tests failed (or the contract document is invalid); what the servers under test logged meanwhile is in ${logs#"$repo_root/"}/<project>/<test class>.log"
fi
exit "$status"
