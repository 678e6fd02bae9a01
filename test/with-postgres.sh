#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL pointing at a throwaway PostgreSQL on loopback, then removes it.
# Uses an existing TEST_DATABASE_URL as is; without PostgreSQL installed, runs the command without one
# (the PostgreSQL storage tests then report themselves as skipped).
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then exec "$@"; fi

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  if [ -n "${REQUIRE_POSTGRES:-}" ]; then
    echo "with-postgres: REQUIRE_POSTGRES is set but PostgreSQL is not installed" >&2
    exit 1
  fi
  echo "with-postgres: PostgreSQL is not installed; running without it" >&2
  exec "$@"
fi

as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi

dir=$(mktemp -d /tmp/dispatch-pg.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
[ "$(id -u)" = 0 ] && chown postgres "$dir"
cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U dispatch --auth=trust -E UTF8 >/dev/null
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null
"${as_pg[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U dispatch dispatch_test

export TEST_DATABASE_URL="postgres://dispatch@127.0.0.1:$port/dispatch_test"
echo "with-postgres: PostgreSQL on 127.0.0.1:$port" >&2
"$@"
