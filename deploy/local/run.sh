#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL and RabbitMQ (installed and started here when
# no container engine answers), then the AppHost with the three services, the gateway and the
# Aspire dashboard.
#
#   deploy/local/run.sh              foreground; Ctrl+C stops everything
#   deploy/local/run.sh --detach     background; deploy/local/stop.sh stops it
#
# Ports (each checked free first): GATEWAY_PORT (8080), DASHBOARD_PORT (18888; the dashboard's
# telemetry and resource endpoints take the next two).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"

detach=false
case "${1:-}" in
  --detach | -d) detach=true ;;
  "") ;;
  *) echo "usage: $0 [--detach]" >&2; exit 2 ;;
esac

gateway_port="${GATEWAY_PORT:-8080}"
dashboard_port="${DASHBOARD_PORT:-18888}"
otlp_port=$((dashboard_port + 1))
resource_port=$((dashboard_port + 2))
pid_file="$state_dir/apphost.pid"
log_file="$state_dir/apphost.log"
startup_seconds="${STARTUP_SECONDS:-90}"

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

ensure_dotnet
if container_engine_answers; then
  mode=containers
  say "a container engine answers: PostgreSQL and RabbitMQ run as containers"
else
  mode=local
  "$here/infra.sh" up
fi

say "building (first build restores packages; later ones take seconds)"
dotnet build "$repo_root/AppHost/LearningWeek.AppHost.csproj" -nologo -v quiet -clp:ErrorsOnly

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
  exec setsid ./bin/Debug/net10.0/LearningWeek.AppHost </dev/null >>"$log_file" 2>&1
) &
apphost_pid=$!
echo "$apphost_pid" >"$pid_file"

stop_all() { "$here/stop.sh" --quiet || true; }
trap 'echo; say "stopping"; stop_all; exit 130' INT TERM

gateway="http://127.0.0.1:$gateway_port"
ready=false
for ((i = 0; i < startup_seconds; i++)); do
  if ! kill -0 "$apphost_pid" 2>/dev/null; then
    tail -n 30 "$log_file" >&2
    rm -f "$pid_file"
    fail "the AppHost stopped during start (output above, all of it in ${log_file#"$repo_root/"})"
  fi
  if curl -fsS -o /dev/null "$gateway/health" 2>/dev/null &&
    curl -fsS -o /dev/null "$gateway/api/planning/health" 2>/dev/null &&
    curl -fsS -o /dev/null "$gateway/api/reporting/health" 2>/dev/null &&
    curl -fsS -o /dev/null "$gateway/api/library-fund/health" 2>/dev/null; then
    ready=true
    break
  fi
  sleep 1
done
if [ "$ready" != true ]; then
  tail -n 30 "$log_file" >&2
  stop_all
  fail "the system did not become healthy within ${startup_seconds}s (AppHost output above)"
fi

login_url="$(grep -o "http://127.0.0.1:$dashboard_port/login?t=[0-9a-f]*" "$log_file" | tail -n 1 || true)"
cat <<EOF

  LearningWeek is running ($mode mode, ready in ${i}s).

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
  trap - INT TERM
  say "running in the background; stop with deploy/local/stop.sh"
  exit 0
fi

say "press Ctrl+C to stop"
while kill -0 "$apphost_pid" 2>/dev/null; do sleep 1; done
trap - INT TERM
rm -f "$pid_file"
fail "the AppHost stopped by itself; see ${log_file#"$repo_root/"}"
