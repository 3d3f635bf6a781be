#!/usr/bin/env bash
# A city system's own broker account on a local run: it may declare, bind and read only queues
# named with its prefix ("<name>.…"), bind them to the LearningWeek exchanges ("learningweek.…"),
# and publish to nothing of LearningWeek's. Uses the RabbitMQ management API with the local
# administrator (a LOCAL-DEVELOPMENT DEFAULT; see README, "Following the events").
#
#   deploy/local/city-account.sh create <name> [--password P] [--vhost V]   prints the password once
#   deploy/local/city-account.sh delete <name> [--vhost V]
#
# Environment: LEARNINGWEEK_RABBITMQ_MANAGEMENT (default http://127.0.0.1:15672) and
# LEARNINGWEEK_RABBITMQ_ADMIN (user:password, default the local run's administrator).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"

management="${LEARNINGWEEK_RABBITMQ_MANAGEMENT:-http://127.0.0.1:15672}"
admin="${LEARNINGWEEK_RABBITMQ_ADMIN:-learningweek:local-learningweek}"   # local-development default

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

command="${1:-}"; name="${2:-}"
[ -n "$command" ] && [ -n "$name" ] || usage
shift 2
password=""; vhost="/"
while [ $# -gt 0 ]; do
  case "$1" in
    --password) password="$2"; shift 2 ;;
    --vhost) vhost="$2"; shift 2 ;;
    *) usage ;;
  esac
done
[[ "$name" =~ ^[a-z0-9][a-z0-9-]{1,40}$ ]] || fail "the name must be lower-case letters, digits and dashes (e.g. so-gddt), 2 to 41 characters"
[[ "$name" != learningweek* ]] || fail "names starting with 'learningweek' belong to the services"

encoded_vhost="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$vhost")"
api() {
  local method="$1" path="$2" body="${3:-}"
  local code
  code="$(curl -sS -o /tmp/city-account.$$ -w '%{http_code}' -u "$admin" -H 'content-type: application/json' \
    -X "$method" "$management/api/$path" ${body:+-d "$body"})" || fail "the management API at $management does not answer (is the local run up?)"
  if [[ "$code" != 2* ]]; then
    cat /tmp/city-account.$$ >&2 || true; rm -f /tmp/city-account.$$
    fail "$method $path answered $code"
  fi
  rm -f /tmp/city-account.$$
}

case "$command" in
  create)
    if [ -z "$password" ]; then
      password="$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
    fi
    prefix="^${name}\\\\."
    api PUT "users/$name" "{\"password\":\"$password\",\"tags\":\"\"}"
    # configure: declare and delete its own queues; write: bind its own queues (and publish to
    # nothing else); read: consume its own queues and bind from the LearningWeek exchanges.
    api PUT "permissions/$encoded_vhost/$name" \
      "{\"configure\":\"$prefix\",\"write\":\"$prefix\",\"read\":\"(${prefix}|^learningweek\\\\.)\"}"
    say "broker account '$name' on vhost '$vhost': queues named '$name.…', reading the learningweek.… exchanges"
    echo "$password"
    ;;
  delete)
    api DELETE "users/$name"
    say "broker account '$name' deleted"
    ;;
  *) usage ;;
esac
