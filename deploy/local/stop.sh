#!/usr/bin/env bash
# Stops what deploy/local/run.sh started: the AppHost, and with it the orchestrator, the services,
# the gateway and the dashboard. PostgreSQL and RabbitMQ keep running (the next start is faster)
# unless --infra is given.
#
#   deploy/local/stop.sh            stop the system
#   deploy/local/stop.sh --infra    stop the system, then the local PostgreSQL and RabbitMQ
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"

quiet=false
infra=false
for arg in "$@"; do
  case "$arg" in
    --quiet) quiet=true ;;
    --infra) infra=true ;;
    *) echo "usage: $0 [--infra]" >&2; exit 2 ;;
  esac
done
note() { [ "$quiet" = true ] || say "$@"; }

pid_file="$state_dir/apphost.pid"
# The services get this long to stop gracefully (a few seconds is usual), then the AppHost (the
# orchestrator and the dashboard, with the services gone) the second; what is left after that is
# terminated and killed, 2 s each. The worst case, 7 + 5 + 2 + 2 s, stays well within the 20 s in
# which the tests (and a person at a terminal) expect everything gone.
grace_seconds="${STOP_GRACE_SECONDS:-7}"
apphost_grace_seconds="${STOP_APPHOST_GRACE_SECONDS:-5}"

# The system's processes: the AppHost, the orchestrator (DCP, which detaches and names the
# AppHost's pid in "--monitor <pid>"), and everything below them: services, gateway, dashboard.
# Taken once, before signalling, so nothing else on the machine is ever touched.
system_tree() {
  local root="$1"
  ps -e -o pid=,ppid=,args= | awk -v root="$root" '
    { pid[NR] = $1; ppid[NR] = $2; line[NR] = $0 }
    END {
      mine[root] = 1
      for (i = 1; i <= NR; i++) if (line[i] ~ ("--monitor " root "( |$)")) mine[pid[i]] = 1
      do {
        grown = 0
        for (i = 1; i <= NR; i++) if (!(pid[i] in mine) && (ppid[i] in mine)) { mine[pid[i]] = 1; grown = 1 }
      } while (grown)
      for (p in mine) print p
    }'
}

# The processes of the system's resources (services, gateway) among the given ones: all but the
# AppHost, the orchestrator, the dashboard and the `dotnet run` that starts each resource.
resources_of() {
  local pid
  for pid in "$@"; do
    local cmdline
    cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue # gone meanwhile: nothing to stop
    if ! grep -qE '/dcp |Aspire\.Dashboard|LearningWeek\.AppHost|dotnet run ' <<<"$cmdline"; then echo "$pid"; fi
  done
  return 0
}

alive() {
  local pid
  for pid in "$@"; do kill -0 "$pid" 2>/dev/null && echo "$pid"; done
  return 0
}

# Waits up to $1 seconds of wall-clock time (not a count of polls, which a busy machine stretches)
# for the given processes to be gone.
wait_gone() {
  local deadline=$(( ${EPOCHREALTIME/./} + $1 * 1000000 ))
  shift
  while (( ${EPOCHREALTIME/./} < deadline )); do
    [ -z "$(alive "$@")" ] && return 0
    sleep 0.1
  done
  [ -z "$(alive "$@")" ]
}

apphost_pid=""
if [ -f "$pid_file" ]; then
  apphost_pid="$(cat "$pid_file")"
fi
if [ -z "$apphost_pid" ] || ! kill -0 "$apphost_pid" 2>/dev/null; then
  note "LearningWeek is not running"
else
  mapfile -t pids < <(system_tree "$apphost_pid")
  note "stopping the AppHost (pid $apphost_pid) and the ${#pids[@]} processes of the system"
  rm -f "$pid_file" # a run.sh in the foreground sees it gone and ends quietly
  # First the services and the gateway, all at once: each stops gracefully in a few seconds, in
  # parallel rather than one after another behind the orchestrator, and can still hand its last
  # telemetry to the dashboard. Then the AppHost, which stops the orchestrator and the dashboard.
  mapfile -t resources < <(resources_of "${pids[@]}")
  kill -TERM "${resources[@]}" 2>/dev/null || true
  wait_gone "$grace_seconds" "${resources[@]}" || true
  kill -TERM "$apphost_pid" 2>/dev/null || true
  if ! wait_gone "$apphost_grace_seconds" "${pids[@]}"; then
    mapfile -t left < <(alive "${pids[@]}")
    note "still running, terminating: ${left[*]}"
    kill -TERM "${left[@]}" 2>/dev/null || true
    if ! wait_gone 2 "${left[@]}"; then
      mapfile -t left < <(alive "${left[@]}")
      note "still running, killing: ${left[*]}"
      kill -KILL "${left[@]}" 2>/dev/null || true
      wait_gone 2 "${left[@]}" || true
    fi
  fi
  note "LearningWeek stopped; no process of it is running"
fi
rm -f "$pid_file"

if [ "$infra" = true ]; then
  "$here/infra.sh" down
fi
