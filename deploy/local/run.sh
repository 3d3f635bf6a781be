#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL and RabbitMQ (installed and started here when
# no container engine answers), then the AppHost with the three services, the gateway and the
# Aspire dashboard.
#
#   deploy/local/run.sh              foreground; Ctrl+C, SIGTERM or SIGHUP stops everything
#   deploy/local/run.sh --detach     background; deploy/local/stop.sh stops it
#   deploy/local/run.sh --no-build   without building first (the solution is built already)
#
# The system runs from a Release build, as a ward runs it (LEARNINGWEEK_CONFIGURATION=Debug for
# a developer's build).
#
# Ports (each checked free first): GATEWAY_PORT (8080), DASHBOARD_PORT (18888; the dashboard's
# telemetry and resource endpoints take the next two).
set -euo pipefail

# However this was started (a terminal, a script, a supervisor), SIGINT, SIGTERM and SIGHUP must
# stop the system. A non-interactive shell starts a script with `&` with SIGINT ignored, and bash
# can never trap a signal that was ignored when it started: so start once more with the default
# handling of those signals.
if [ -z "${LEARNINGWEEK_RUN_SIGNALS_RESET:-}" ]; then
  export LEARNINGWEEK_RUN_SIGNALS_RESET=1
  exec env --default-signal=INT,TERM,HUP bash "$0" "$@"
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"

detach=false
build=true
for arg in "$@"; do
  case "$arg" in
    --detach | -d) detach=true ;;
    --no-build) build=false ;;
    *) echo "usage: $0 [--detach] [--no-build]" >&2; exit 2 ;;
  esac
done

configuration="${LEARNINGWEEK_CONFIGURATION:-Release}"
gateway_port="${GATEWAY_PORT:-8080}"
dashboard_port="${DASHBOARD_PORT:-18888}"
otlp_port=$((dashboard_port + 1))
resource_port=$((dashboard_port + 2))
pid_file="$state_dir/apphost.pid"
log_file="$state_dir/apphost.log"
startup_seconds="${STARTUP_SECONDS:-150}" # a loaded 2-core machine (the test suite beside it) needs more than the usual ~40 s

if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  fail "LearningWeek is already running (AppHost pid $(cat "$pid_file")); stop it with deploy/local/stop.sh"
fi
for entry in "gateway:$gateway_port:GATEWAY_PORT" "dashboard:$dashboard_port:DASHBOARD_PORT" \
  "dashboard telemetry:$otlp_port:DASHBOARD_PORT" "dashboard resource service:$resource_port:DASHBOARD_PORT"; do
  IFS=: read -r what port setting <<<"$entry"
  if port_in_use "$port"; then
    fail "port $port for the $what is already in use; stop what uses it (ss -ltnp 'sport = :$port') or choose another port with $setting=…"
  fi
done

# A signal stops at once whatever runs now: a long step runs as a child that `wait` waits for (a
# trap runs only between commands, and `wait` is one that a signal ends), and the trap ends it.
child=""
apphost_pid=""
stop_all() { "$here/stop.sh" --quiet || true; }
on_signal() {
  trap - INT TERM HUP
  echo
  say "stopping"
  if [ -n "$child" ]; then kill -TERM "$child" 2>/dev/null || true; fi
  if [ -n "$apphost_pid" ]; then stop_all; fi
  exit 130
}
trap on_signal INT TERM HUP
in_child() {
  local status=0
  "$@" &
  child=$!
  wait "$child" || status=$?
  child=""
  return "$status"
}

ensure_dotnet
if container_engine_answers; then
  mode=containers
  say "a container engine answers: PostgreSQL and RabbitMQ run as containers"
else
  mode=local
  in_child "$here/infra.sh" up
fi

if [ "$build" = true ]; then
  say "building (first build restores packages; later ones take seconds)"
  in_child dotnet build "$repo_root/AppHost/LearningWeek.AppHost.csproj" -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
fi

mkdir -p "$state_dir"
: >"$log_file"
say "starting the AppHost ($mode mode); its output goes to ${log_file#"$repo_root/"}"
# The AppHost is started directly (not through `dotnet run`), so its pid is the one to signal.
(
  cd "$repo_root/AppHost"
  export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
  export ASPNETCORE_URLS="http://127.0.0.1:$dashboard_port"
  export ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL="http://127.0.0.1:$otlp_port"
  export ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL="http://127.0.0.1:$resource_port"
  export ASPIRE_ALLOW_UNSECURED_TRANSPORT=true
  export Gateway__Port="$gateway_port" Infrastructure__Mode="$mode"
  exec setsid "./bin/$configuration/net10.0/LearningWeek.AppHost" </dev/null >>"$log_file" 2>&1
) &
apphost_pid=$!
echo "$apphost_pid" >"$pid_file"

gateway="http://127.0.0.1:$gateway_port"
ready=false
started_at=$SECONDS
while ((SECONDS - started_at < startup_seconds)); do
  if ! kill -0 "$apphost_pid" 2>/dev/null; then
    tail -n 30 "$log_file" >&2
    rm -f "$pid_file"
    fail "the AppHost stopped during start (output above, all of it in ${log_file#"$repo_root/"})"
  fi
  if curl -fsS --max-time 5 -o /dev/null "$gateway/health" 2>/dev/null &&
    curl -fsS --max-time 5 -o /dev/null "$gateway/api/planning/health" 2>/dev/null &&
    curl -fsS --max-time 5 -o /dev/null "$gateway/api/reporting/health" 2>/dev/null &&
    curl -fsS --max-time 5 -o /dev/null "$gateway/api/library-fund/health" 2>/dev/null; then
    ready=true
    break
  fi
  in_child sleep 1
done
if [ "$ready" != true ]; then
  tail -n 30 "$log_file" >&2
  stop_all
  fail "the system did not become healthy within ${startup_seconds}s (AppHost output above)"
fi

login_url="$(grep -o "http://127.0.0.1:$dashboard_port/login?t=[0-9a-f]*" "$log_file" | tail -n 1 || true)"
cat <<EOF

  LearningWeek is running ($mode mode, ready in $((SECONDS - started_at))s).

  Gateway (the API):   $gateway
  API reference:       $gateway/docs   (tokens: client X, secret local-X; see README)
    health:            $gateway/api/planning/health
                       $gateway/api/reporting/health
                       $gateway/api/library-fund/health
  Aspire dashboard:    ${login_url:-http://127.0.0.1:$dashboard_port}
                       (resources, logs, traces and metrics of every process)
EOF
if [ "$mode" = local ]; then
  echo "  RabbitMQ UI:         http://127.0.0.1:15672 (user learningweek, local-development password local-learningweek)"
fi
echo

if [ "$detach" = true ]; then
  trap - INT TERM HUP
  say "running in the background; stop with deploy/local/stop.sh"
  exit 0
fi

say "press Ctrl+C to stop"
while kill -0 "$apphost_pid" 2>/dev/null; do
  in_child sleep 1
done
trap - INT TERM HUP
if [ ! -f "$pid_file" ]; then
  say "stopped by deploy/local/stop.sh"
  exit 0
fi
rm -f "$pid_file"
fail "the AppHost stopped by itself; see ${log_file#"$repo_root/"}"
