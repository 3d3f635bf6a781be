#!/usr/bin/env bash
# Local infrastructure for machines without a container engine: PostgreSQL and RabbitMQ from the
# distribution's packages, on loopback, with the role, databases and broker user the system needs.
#
#   deploy/local/infra.sh up       install what is missing, start, create role/databases/user (idempotent)
#   deploy/local/infra.sh down     stop the servers this script started
#   deploy/local/infra.sh status   show what is running
#   deploy/local/infra.sh env      print the connection strings as shell exports
#   deploy/local/infra.sh reset    wipe the local data: drop and recreate the databases, reset RabbitMQ
#
# The credentials below are LOCAL-DEVELOPMENT DEFAULTS, for loopback servers on a developer's or
# CI machine only; the production configuration never uses them (see README, "Configuration").
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=deploy/local/common.sh
source "$here/common.sh"

PG_HOST=127.0.0.1
PG_PORT="${LEARNINGWEEK_PG_PORT:-5432}"
PG_ROLE=learningweek
PG_PASSWORD=local-learningweek          # local-development default
PG_DATABASES=(planningdb reportingdb libraryfunddb gatewaydb)
MQ_HOST=127.0.0.1
MQ_PORT=5672
MQ_MANAGEMENT_PORT=15672
MQ_USER=learningweek
MQ_PASSWORD=local-learningweek          # local-development default

started_file="$state_dir/started-by-infra"

as_postgres() { as_root runuser -u postgres -- "$@"; }

remember_started() { mkdir -p "$state_dir"; grep -qx "$1" "$started_file" 2>/dev/null || echo "$1" >>"$started_file"; }

# ---------------------------------------------------------------- PostgreSQL
pg_cluster() {
  # Prints "<version> <name>" of the first cluster, if any.
  pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1, $2}'
}

postgres_up() {
  if ! command -v pg_lsclusters >/dev/null || [ -z "$(pg_cluster)" ]; then
    apt_install postgresql postgresql-client
  fi
  local cluster version name
  cluster="$(pg_cluster)"
  [ -n "$cluster" ] || fail "PostgreSQL is installed but has no cluster; create one with pg_createcluster"
  read -r version name <<<"$cluster"
  local port
  port="$(pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $3}')"
  [ "$port" = "$PG_PORT" ] || fail "PostgreSQL cluster $version/$name listens on port $port, expected $PG_PORT (set LEARNINGWEEK_PG_PORT)"

  if pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $4}' | grep -q online; then
    say "PostgreSQL $version/$name already running on $PG_HOST:$PG_PORT"
  else
    say "starting PostgreSQL $version/$name on $PG_HOST:$PG_PORT"
    # Loopback only, and room for the connection pools of three services, the gateway and the tests;
    # statement statistics for the benchmark's profile (deploy/local/bench.sh).
    printf "listen_addresses = '%s'\nmax_connections = 300\nshared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n" "$PG_HOST" \
      | as_root tee "/etc/postgresql/$version/$name/conf.d/learningweek.conf" >/dev/null
    as_root pg_ctlcluster "$version" "$name" start
    remember_started "postgresql $version $name"
  fi
  wait_for "PostgreSQL" 30 pg_isready -q -h "$PG_HOST" -p "$PG_PORT"

  local sql_role
  sql_role="DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
      CREATE ROLE $PG_ROLE LOGIN PASSWORD '$PG_PASSWORD';
    END IF;
    -- The tests create a database (and for Production-mode hosts a role) per fixture.
    ALTER ROLE $PG_ROLE CREATEDB CREATEROLE;
    -- and drops it after: DROP DATABASE ... WITH (FORCE) must be allowed to end what is still
    -- connected to it, autovacuum included, which only pg_signal_backend may.
    IF NOT pg_has_role('$PG_ROLE', 'pg_signal_backend', 'MEMBER') THEN
      GRANT pg_signal_backend TO $PG_ROLE;
    END IF;
    END \$\$;"
  as_postgres psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 -c "$sql_role" >/dev/null
  # The benchmark reads (and resets) the statistics of every database's statements.
  if [ "$(as_postgres psql -tA -p "$PG_PORT" -c "SHOW shared_preload_libraries")" = pg_stat_statements ]; then
    as_postgres psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 \
      -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" \
      -c "GRANT pg_read_all_stats TO $PG_ROLE" \
      -c "GRANT EXECUTE ON FUNCTION pg_stat_statements_reset TO $PG_ROLE" >/dev/null
  fi
  local db
  for db in "${PG_DATABASES[@]}"; do
    if [ "$(as_postgres psql -tA -p "$PG_PORT" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      as_postgres psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 -c "CREATE DATABASE $db OWNER $PG_ROLE ENCODING 'UTF8' TEMPLATE template0" >/dev/null
      say "created database $db"
    fi
  done
  say "PostgreSQL ready: role $PG_ROLE, databases ${PG_DATABASES[*]}"
}

postgres_down() {
  local version name
  while read -r _ version name; do
    if command -v pg_ctlcluster >/dev/null && pg_lsclusters -h | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $4}' | grep -q online; then
      say "stopping PostgreSQL $version/$name"
      as_root pg_ctlcluster "$version" "$name" stop
    fi
  done < <(grep '^postgresql ' "$started_file" 2>/dev/null || true)
}

# ------------------------------------------------------------------ RabbitMQ
rabbit_running() { as_root rabbitmq-diagnostics -q ping >/dev/null 2>&1; }

rabbitmq_up() {
  if ! command -v rabbitmq-server >/dev/null && [ ! -x /usr/sbin/rabbitmq-server ]; then
    apt_install rabbitmq-server
  fi
  # Loopback only, for AMQP, the Erlang distribution port and the management UI.
  local env_file=/etc/rabbitmq/rabbitmq-env.conf conf_file=/etc/rabbitmq/rabbitmq.conf
  if ! grep -q '^NODE_IP_ADDRESS=127.0.0.1' "$env_file" 2>/dev/null; then
    printf '%s\n' 'NODE_IP_ADDRESS=127.0.0.1' "NODE_PORT=$MQ_PORT" 'ERL_EPMD_ADDRESS=127.0.0.1' \
      'SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"' | as_root tee -a "$env_file" >/dev/null
  fi
  if ! grep -q '^management.tcp.ip' "$conf_file" 2>/dev/null; then
    printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$MQ_MANAGEMENT_PORT" | as_root tee -a "$conf_file" >/dev/null
  fi
  if [ ! -f /etc/rabbitmq/enabled_plugins ] || ! grep -q rabbitmq_management /etc/rabbitmq/enabled_plugins; then
    # Offline: written before the first start, so the node comes up with the UI already enabled.
    echo '[rabbitmq_management].' | as_root tee /etc/rabbitmq/enabled_plugins >/dev/null
  fi

  if rabbit_running; then
    say "RabbitMQ already running on $MQ_HOST:$MQ_PORT"
  else
    say "starting RabbitMQ on $MQ_HOST:$MQ_PORT (management UI on $MQ_MANAGEMENT_PORT)"
    as_root service rabbitmq-server start >/dev/null
    remember_started "rabbitmq"
  fi
  wait_for "RabbitMQ" 60 as_root rabbitmqctl -q await_startup

  if ! as_root rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$MQ_USER"; then
    as_root rabbitmqctl -q add_user "$MQ_USER" "$MQ_PASSWORD" >/dev/null
    as_root rabbitmqctl -q set_user_tags "$MQ_USER" administrator >/dev/null
    as_root rabbitmqctl -q set_permissions -p / "$MQ_USER" '.*' '.*' '.*' >/dev/null
    say "created RabbitMQ user $MQ_USER"
  fi
  wait_for "RabbitMQ AMQP port" 30 bash -c "exec 3<>/dev/tcp/$MQ_HOST/$MQ_PORT"
  say "RabbitMQ ready: user $MQ_USER, management UI http://$MQ_HOST:$MQ_MANAGEMENT_PORT"
}

rabbitmq_down() {
  if grep -qx rabbitmq "$started_file" 2>/dev/null && rabbit_running; then
    say "stopping RabbitMQ"
    as_root service rabbitmq-server stop >/dev/null
  fi
}

# The server is on this machine's loopback: its connections skip TLS (Npgsql would otherwise
# negotiate it, and encrypting every round trip cost ActivityReporting and PostgreSQL a large
# share of their CPU under the benchmark's load). Servers elsewhere get their own strings.
print_env() {
  local db
  for db in "${PG_DATABASES[@]}"; do
    echo "export ConnectionStrings__$db='Host=$PG_HOST;Port=$PG_PORT;Database=$db;Username=$PG_ROLE;Password=$PG_PASSWORD;SSL Mode=Disable'"
  done
  echo "export ConnectionStrings__messaging='amqp://$MQ_USER:$MQ_PASSWORD@$MQ_HOST:$MQ_PORT/'"
  echo "export LEARNINGWEEK_TEST_POSTGRES='Host=$PG_HOST;Port=$PG_PORT;Database=postgres;Username=$PG_ROLE;Password=$PG_PASSWORD;SSL Mode=Disable'"
  echo "export LEARNINGWEEK_TEST_RABBITMQ='amqp://$MQ_USER:$MQ_PASSWORD@$MQ_HOST:$MQ_PORT/'"
}

case "${1:-up}" in
  up)
    if container_engine_answers; then
      say "a container engine answers: the AppHost can run PostgreSQL and RabbitMQ as containers;"
      say "installing local servers anyway, as asked"
    fi
    postgres_up
    rabbitmq_up
    ;;
  down)
    rabbitmq_down
    postgres_down
    rm -f "$started_file"
    say "local infrastructure stopped"
    ;;
  status)
    pg_lsclusters 2>/dev/null || echo "PostgreSQL: not installed"
    if rabbit_running; then echo "RabbitMQ: running on $MQ_HOST:$MQ_PORT"; else echo "RabbitMQ: not running"; fi
    ;;
  env) print_env ;;
  reset)
    postgres_up
    for db in "${PG_DATABASES[@]}"; do
      as_postgres psql -q -p "$PG_PORT" -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
    done
    postgres_up
    rabbitmq_up
    as_root rabbitmqctl -q stop_app >/dev/null && as_root rabbitmqctl -q reset >/dev/null && as_root rabbitmqctl -q start_app >/dev/null
    rabbitmq_up
    say "local data wiped: empty databases, empty broker"
    ;;
  *) echo "usage: $0 up|down|status|env|reset" >&2; exit 2 ;;
esac
