#!/usr/bin/env bash
# Prints the name of a PostgreSQL 15 image the sandbox's container backend can run on the Docker engine DOCKER_HOST names:
# the official postgres:15 when the engine has it or can pull it, else a local image with the same contract built from
# Debian's packages (the machines without a reachable registry): a debootstrap minbase of bookworm with postgresql-15,
# imported with docker import. The local image is built once and kept; it answers to POSTGRES_USER, POSTGRES_PASSWORD,
# POSTGRES_DB and POSTGRES_INITDB_ARGS, listens on 5432, passes its arguments to postgres, and has pg_isready.
# Needs root (debootstrap). Progress goes to stderr; only the image name goes to stdout.
set -euo pipefail

official="postgres:15"
local_image="qsorm/postgres:15-bookworm"

if docker image inspect "$official" >/dev/null 2>&1; then
  echo "$official"
  exit 0
fi
# Before pulling: a machine that built it has no registry.
if docker image inspect "$local_image" >/dev/null 2>&1; then
  echo "$local_image"
  exit 0
fi
if timeout 120 docker pull -q "$official" >/dev/null 2>&1; then
  echo "$official"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "error: $official cannot be pulled and building $local_image needs root (debootstrap)." >&2
  exit 1
fi
if ! command -v debootstrap >/dev/null 2>&1; then
  echo "Installing debootstrap (to build $local_image)..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
fi

# The Debian mirror this machine's apt uses: package feeds are the only thing reachable.
mirror="$(sed -n 's/^URIs:[[:space:]]*\([^[:space:]]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n 1)"
[ -n "$mirror" ] || mirror="$(sed -n 's/^deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]*\)[[:space:]]\+bookworm[[:space:]].*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n 1)"
mirror="${mirror:-http://deb.debian.org/debian}"

work="$(mktemp -d /var/tmp/qsorm-postgres-image.XXXXXX)"
root="$work/rootfs"
cleanup() {
  mountpoint -q "$root/proc" 2>/dev/null && umount "$root/proc"
  rm -rf "$work"
}
trap cleanup EXIT

echo "Building $local_image from $mirror (debootstrap minbase of bookworm with postgresql-15)..." >&2
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }

# The official image's user: uid and gid 999, which Testcontainers gives the files it copies in.
chroot "$root" groupadd --system --gid 999 postgres
chroot "$root" useradd --system --uid 999 --gid postgres --home-dir /var/lib/postgresql --shell /bin/bash postgres
mkdir -p "$root/etc/postgresql-common/createcluster.d"
echo "create_main_cluster = false" >"$root/etc/postgresql-common/createcluster.d/qsorm.conf"
mount -t proc proc "$root/proc"
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >"$work/apt.log" 2>&1 \
  || { tail -n 20 "$work/apt.log" >&2; exit 1; }
umount "$root/proc"
chroot "$root" apt-get clean
rm -rf "$root/var/lib/apt/lists/"* "$root/usr/share/doc/"* "$root/usr/share/man/"*
mkdir -p "$root/var/lib/postgresql/data" "$root/var/run/postgresql"
chroot "$root" chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql

cat >"$root/usr/local/bin/docker-entrypoint.sh" <<'ENTRYPOINT'
#!/bin/sh
# The official postgres image's contract: initialise $PGDATA once with POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB and
# POSTGRES_INITDB_ARGS, listen on every address of the container on 5432, and run postgres with the container's arguments.
set -eu
case "${1:-}" in -*|"") set -- postgres "$@" ;; esac
if [ "$1" != postgres ]; then exec "$@"; fi
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" && chown postgres:postgres "$PGDATA" && chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?is required, as by the official postgres image}"
  user="${POSTGRES_USER:-postgres}"
  pwfile="$(mktemp)"
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  # shellcheck disable=SC2086 # the official image splits POSTGRES_INITDB_ARGS into words too
  initdb -D "$PGDATA" --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 ${POSTGRES_INITDB_ARGS:-} >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  db="${POSTGRES_DB:-$user}"
  if [ "$db" != postgres ]; then
    printf 'CREATE DATABASE "%s"\n' "$(printf '%s' "$db" | sed 's/"/""/g')" | postgres --single -D "$PGDATA" postgres >/dev/null
  fi
fi
exec "$@"
ENTRYPOINT
chmod 755 "$root/usr/local/bin/docker-entrypoint.sh"

tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV PGDATA=/var/lib/postgresql/data' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENTRYPOINT ["docker-entrypoint.sh"]' \
  --change 'CMD ["postgres"]' \
  --change 'EXPOSE 5432' \
  - "$local_image" >/dev/null
echo "$local_image"
