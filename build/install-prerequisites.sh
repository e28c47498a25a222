#!/usr/bin/env bash
# Installs what the build and the tests need beyond the .NET SDK: the PostgreSQL server programs the
# sandbox runs, Python's SQLAlchemy and psycopg2, Node.js with the Spark grammar gate (Debian/Ubuntu packages, npm). Safe to run again; it installs only what is missing.
set -euo pipefail

has_postgres_server() {
  local dir
  if command -v pg_config >/dev/null 2>&1; then
    dir="$(pg_config --bindir 2>/dev/null || true)"
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && return 0
  fi
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ] && return 0
  done
  [ -n "${QSORM_PG_BINDIR:-}" ] && [ -x "$QSORM_PG_BINDIR/initdb" ] && return 0
  return 1
}

# apt_install WHAT PACKAGE...: installs Debian packages as root, or says which command would.
apt_install() {
  local what="$1"
  shift
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: $what missing. Install with: sudo apt-get install -y $*" >&2
    exit 1
  fi
  echo "Installing $what..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK 10 is not installed (dotnet is not on PATH). Install it, then run this again." >&2
  exit 1
fi

if ! has_postgres_server; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: the PostgreSQL server programs are missing. Install them with: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
  echo "Installing PostgreSQL (the sandbox's server programs)..."
  # The sandbox starts its own throwaway servers; the package's default cluster is not wanted.
  mkdir -p /etc/postgresql-common/createcluster.d
  echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.d/qsorm.conf
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql postgresql-client >/dev/null
  has_postgres_server || { echo "error: PostgreSQL was installed but initdb is still not found" >&2; exit 1; }
fi

# The seed's peer: Python's SQLAlchemy and psycopg2, from Debian (the tests run them as separate processes).
if ! /usr/bin/python3 -c 'import sqlalchemy, psycopg2' >/dev/null 2>&1; then
  apt_install "Python's SQLAlchemy and psycopg2 (the seed's Python peer)" python3-sqlalchemy python3-psycopg2
fi

# The Spark grammar gate: dt-sql-parser (pinned in build/grammar-gate/package-lock.json) on Node.js 20 or later.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install "Node.js and npm (the Spark grammar gate)" nodejs npm
fi
gate="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/grammar-gate"
if [ ! -d "$gate/node_modules/dt-sql-parser" ]; then
  echo "Installing the Spark grammar gate (dt-sql-parser, from npm)..."
  npm ci --prefix "$gate" --no-audit --no-fund --loglevel=error >/dev/null
fi

for tool in runuser setsid; do
  command -v "$tool" >/dev/null 2>&1 || { echo "error: $tool (util-linux) is missing" >&2; exit 1; }
done
