#!/usr/bin/env bash
# The benchmark: this machine's raw limits and the system's figures as ratios to them (QUALITY.md),
# from Release builds against the local PostgreSQL and RabbitMQ (started here if they are not
# running). Prints one table and writes it to .local/benchmark/benchmark.md and benchmark.json;
# exits non-zero when a figure misses its target.
#
#   deploy/local/bench.sh              full mode (the figures in the README)
#   deploy/local/bench.sh --short      short mode (about three minutes; CI runs it)
#   deploy/local/bench.sh --only S4 --units 5000 --rate 100 --open-duration 60   one figure, sized
#   deploy/local/bench.sh --connections 16 --duration 30 --design-rate 200 …   sizes (see tests/Benchmark/BenchOptions.cs)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"

case "${1:-}" in
  -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

ensure_dotnet
if [ -n "${LEARNINGWEEK_TEST_POSTGRES:-}" ] && [ -n "${LEARNINGWEEK_TEST_RABBITMQ:-}" ]; then
  say "the benchmark uses the servers named by LEARNINGWEEK_TEST_POSTGRES and LEARNINGWEEK_TEST_RABBITMQ"
else
  "$here/infra.sh" up
  eval "$("$here/infra.sh" env | grep LEARNINGWEEK_TEST_)"
fi

cd "$repo_root"
say "building the benchmark and the system (Release)"
dotnet build tests/Benchmark/LearningWeek.Benchmark.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
export LEARNINGWEEK_TEST_LOGS="$state_dir/benchmark/logs"
exec dotnet tests/Benchmark/bin/Release/net10.0/LearningWeek.Benchmark.dll "$@"
