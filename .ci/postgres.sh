# Sourced by .ci/run: a throwaway PostgreSQL cluster on a free loopback port, as the postgres user,
# for the store contract and the API tests on a server; NEWSGRAPH_TEST_PG names it, and it is
# stopped and removed when the shell exits. Installs PostgreSQL from the distribution if missing.
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true; }
PGBIN=$(pg_bin)
if [ -z "$PGBIN" ] && command -v apt-get >/dev/null; then
  $SUDO apt-get update && $SUDO apt-get install -y postgresql
  PGBIN=$(pg_bin)
fi
if [ -z "$PGBIN" ]; then
  echo "no PostgreSQL found: the PostgreSQL tests will skip" >&2
else
  PGDATA=$(mktemp -d /tmp/newsgraph-pg.XXXXXX)
  # initdb refuses root: as root the cluster belongs to postgres, otherwise to this user.
  as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$PGDATA"
  PGPORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
  as_pg "$PGBIN/initdb -D $PGDATA -A trust -U postgres" >/dev/null
  as_pg "$PGBIN/pg_ctl -D $PGDATA -o '-p $PGPORT -k $PGDATA -c listen_addresses=127.0.0.1' -l $PGDATA/server.log -w start" >/dev/null
  trap 'as_pg "$PGBIN/pg_ctl -D $PGDATA -m fast -w stop" >/dev/null; rm -rf "$PGDATA"' EXIT
  export NEWSGRAPH_TEST_PG="postgres://postgres@127.0.0.1:$PGPORT/postgres"
  echo "$("$PGBIN/postgres" --version) for the tests at $NEWSGRAPH_TEST_PG" >&2
fi
