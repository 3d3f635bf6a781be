# Shared helpers for the deploy/local scripts (sourced, not run).

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Run state (pids, what the scripts started) stays inside the checkout and out of git.
state_dir="${LEARNINGWEEK_STATE_DIR:-$repo_root/.local}"

say() { printf '\033[1;34m[learningweek]\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m[learningweek]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31m[learningweek] error:\033[0m %s\n' "$*" >&2; exit 1; }

# wait_for <what> <seconds> <command...>: retries the command once a second until it succeeds.
wait_for() {
  local what="$1" seconds="$2"; shift 2
  local i
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  fail "$what did not become ready within ${seconds}s"
}

# True when a container engine (not just a client) answers within a few seconds.
container_engine_answers() {
  local cli
  for cli in docker podman; do
    if command -v "$cli" >/dev/null && timeout 5 "$cli" info >/dev/null 2>&1; then return 0; fi
  done
  return 1
}

# True when something listens on 127.0.0.1:<port>.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

ensure_dotnet() {
  command -v dotnet >/dev/null || fail "the .NET SDK is not on PATH; install the version in global.json"
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "this step needs root ($*); run as root or install sudo"
  fi
}

apt_updated=false
apt_install() {
  if [ "$apt_updated" = false ]; then
    say "updating the package index (apt-get update)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=true
  fi
  say "installing $* from the distribution's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Debian's Chromium, for the tests of web pages (never a browser downloaded by a test tool).
# The AsyncAPI CLI, from the npm registry, with the machine's Node.js.
ensure_node() {
  if ! command -v npx >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
}

# Python 3 with pika (Debian's), for the README's city subscriber (deploy/city/subscriber.py).
ensure_pika() {
  if ! /usr/bin/python3 -c 'import pika' >/dev/null 2>&1; then
    apt_install python3-pika
  fi
}

# The CloudEvents contract document (docs/asyncapi.json) checked by the AsyncAPI CLI.
asyncapi_validate() {
  npx --yes "@asyncapi/cli@$asyncapi_cli_version" validate "$repo_root/docs/asyncapi.json" --fail-severity warn
}
asyncapi_cli_version=6.2.0

ensure_chromium() {
  if [ -z "${LEARNINGWEEK_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
    apt_install chromium
  fi
}
