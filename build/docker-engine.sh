# Sourced by build/test.sh: gives the tests of the sandbox's container backend a Docker engine and a PostgreSQL image.
# An engine that already answers is used as it is. Else, as root, Debian's docker.io is installed where missing and dockerd
# is started for this run only, with its own data and socket, changing neither the firewall nor forwarding: published
# ports listen on 127.0.0.1 (docker-proxy) and the tests reach containers over loopback. docker_engine_down stops it and
# removes its bridge. Where no engine can be had, QSORM_TEST_CONTAINER_UNAVAILABLE says why and those tests are skipped.

docker_engine_data="/var/lib/qsorm/docker"
docker_engine_exec="/run/qsorm-docker"
docker_engine_socket="/run/qsorm-docker.sock"
docker_engine_pid=""

docker_engine_unavailable() {
  export QSORM_TEST_CONTAINER_UNAVAILABLE="$1"
  echo "Container backend tests will be skipped: $1" >&2
}

docker_engine_up() {
  local began
  began="$(date +%s%N)"
  # Debian's engine (20.10) speaks API 1.41 at most; Testcontainers and a newer docker CLI ask for more unless told.
  export DOCKER_API_VERSION="${DOCKER_API_VERSION:-1.41}"
  # The Ryuk reaper's image cannot be pulled without a registry; the sandbox removes its containers itself.
  export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
  export TESTCONTAINERS_HOST_OVERRIDE="${TESTCONTAINERS_HOST_OVERRIDE:-127.0.0.1}"

  if ! (command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1); then
    if [ "$(id -u)" -ne 0 ]; then
      docker_engine_unavailable "no Docker engine answers, and starting one needs root (build/test.sh runs as uid $(id -u))."
      return 0
    fi
    if ! command -v dockerd >/dev/null; then
      echo "Installing Debian's docker.io (the container backend's tests)..." >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null \
        || { docker_engine_unavailable "apt-get install docker.io failed."; return 0; }
    fi
    docker_engine_start || return 0
  fi

  local image_began image
  image_began="$(date +%s%N)"
  if ! image="$(bash "$root/build/postgres-image.sh")"; then
    docker_engine_unavailable "no PostgreSQL image: build/postgres-image.sh failed (see above)."
    return 0
  fi
  export QSORM_TEST_CONTAINER_IMAGE="$image"
  echo "Container backend: engine ready in $(docker_engine_seconds "$began" "$image_began") s, image $image in $(docker_engine_seconds "$image_began") s." >&2
}

docker_engine_start() {
  docker_engine_forward_before="$(cat /proc/sys/net/ipv4/ip_forward)"
  docker_engine_iptables_before="$(iptables -S 2>/dev/null || true)"
  mkdir -p "$docker_engine_data"
  local log="$docker_engine_data/dockerd.log"
  dockerd --iptables=false --ip-forward=false --ip=127.0.0.1 \
    --data-root "$docker_engine_data" --exec-root "$docker_engine_exec" \
    --pidfile "$docker_engine_exec.pid" -H "unix://$docker_engine_socket" >"$log" 2>&1 </dev/null &
  docker_engine_pid=$!
  export DOCKER_HOST="unix://$docker_engine_socket"
  local attempt
  for attempt in $(seq 150); do
    if timeout 5 docker info >/dev/null 2>&1; then
      return 0
    fi
    docker_engine_alive "$docker_engine_pid" || break
    sleep 0.2
  done
  tail -n 20 "$log" >&2
  docker_engine_down
  docker_engine_unavailable "dockerd did not answer within 30 s (its log: $log)."
  return 1
}

# Stops the engine this script started (never one it found running), removes its bridge, and says if the firewall or
# forwarding changed, which the engine's flags are there to prevent.
docker_engine_down() {
  [ -n "$docker_engine_pid" ] || return 0
  local pid="$docker_engine_pid" attempt
  docker_engine_pid=""
  kill "$pid" 2>/dev/null || true
  for attempt in $(seq 150); do
    docker_engine_alive "$pid" || break
    sleep 0.2
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  ip link show docker0 >/dev/null 2>&1 && ip link delete docker0
  if [ "$(cat /proc/sys/net/ipv4/ip_forward)" != "$docker_engine_forward_before" ]; then
    echo "warning: net.ipv4.ip_forward changed while dockerd ran." >&2
  fi
  if [ "$(iptables -S 2>/dev/null || true)" != "$docker_engine_iptables_before" ]; then
    echo "warning: the iptables rules changed while dockerd ran." >&2
  fi
  return 0
}

# A child that exited stays a zombie until waited for: not alive.
docker_engine_alive() {
  [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"
}

docker_engine_seconds() { # start [end] in ns -> seconds with one decimal
  local end="${2:-$(date +%s%N)}"
  local tenths=$(( (end - $1) / 100000000 ))
  echo "$((tenths / 10)).$((tenths % 10))"
}
