#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store conformance suite: created in DIR, owned by the
# `postgres` user when run as root (initdb refuses root), password-protected (scram-sha-256),
# listening only on 127.0.0.1:PORT, with an empty database `bargain_test`.
#
#   scripts/postgres-cluster.sh start DIR [PORT]   # prints the URL to use, nothing else on stdout
#   scripts/postgres-cluster.sh env   DIR [PORT]   # prints `export BARGAIN_TEST_POSTGRES_URL=...`
#   scripts/postgres-cluster.sh stop  DIR [PORT]   # fast shutdown, then removes DIR
#
# DIR may be missing or an empty directory (e.g. from `mktemp -d`); it must be reachable by the
# postgres user, so keep it under /tmp. PORT defaults to 54329 (not PostgreSQL's 5432, so a
# developer's own server is never touched). Installing PostgreSQL is scripts/setup's job.
set -euo pipefail

usage() { echo "usage: $0 start|stop|env DIR [PORT]" >&2; exit 64; }
fail() { echo "postgres-cluster: $*" >&2; exit 1; }

[ $# -ge 2 ] || usage
command=$1
dir=$2
port=${3:-54329}
case "$port" in ''|*[!0-9]*) fail "port '$port' is not a number" ;; esac

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  fail "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin: install them with 'apt-get install postgresql' (scripts/setup does)"
fi

# As root, every server command runs as `postgres`; a developer running as themselves owns DIR.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

data="$dir/data"
url_file="$dir/url"

start() {
  mkdir -p "$dir"
  [ -z "$(ls -A "$dir")" ] || fail "$dir is not empty: give a new or empty directory (or stop the cluster in it first)"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" -a -x "$dir" \
      || fail "the postgres user cannot write to $dir: put it under /tmp (every parent must be traversable)"
  fi
  chmod 700 "$dir"

  local password
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  as_owner sh -c "umask 077; printf '%s\n' '$password' > '$dir/pwfile'"

  as_owner "$bin/initdb" -D "$data" -U bargain --pwfile="$dir/pwfile" --auth=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || fail "initdb failed; see $dir/initdb.log"
  as_owner "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" -w start >/dev/null \
    || fail "the server did not start on 127.0.0.1:$port (port in use?); see $dir/postgres.log"
  PGPASSWORD=$password "$bin/createdb" -h 127.0.0.1 -p "$port" -U bargain bargain_test \
    || fail "could not create database bargain_test; see $dir/postgres.log"

  local url="postgres://bargain:$password@127.0.0.1:$port/bargain_test"
  as_owner sh -c "umask 077; printf '%s\n' '$url' > '$url_file'"
  echo "postgres-cluster: PostgreSQL $(basename "$(dirname "$bin")") running on 127.0.0.1:$port, data in $data" >&2
  echo "$url"
}

stop() {
  # Refuse to delete anything that is not a cluster this script made.
  [ -f "$dir/pwfile" ] || fail "$dir holds no cluster made by this script; nothing stopped or removed"
  if [ -f "$data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || fail "pg_ctl stop failed; see $dir/postgres.log"
  fi
  rm -rf "$dir"
  echo "postgres-cluster: stopped and removed $dir" >&2
}

env_line() {
  [ -f "$url_file" ] || fail "no cluster in $dir: run '$0 start $dir $port' first"
  echo "export BARGAIN_TEST_POSTGRES_URL=$(cat "$url_file")"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  env) env_line ;;
  *) usage ;;
esac
