# (Re)starts dockerd with the daemon.json written before: through systemd when the host runs it, else detached with a
# pid file. Reads CONTAINERS_CONFIG_DIR, CONTAINERS_ENGINE_PIDFILE, CONTAINERS_ENGINE_LOG, CONTAINERS_ENGINE_SOCKET and
# CONTAINERS_START_SECONDS. Writes "started: systemd" or "started: detached PID" to standard output.

step start-engine
dockerd_path=$(command -v dockerd)
daemon_json="$CONTAINERS_CONFIG_DIR/daemon.json"

# kill -0 also succeeds for a zombie, which an exited dockerd stays until this shell reaps it.
alive() {
  [ -d "/proc/$1" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

engine_log_tail() {
  echo "--- the last lines of $CONTAINERS_ENGINE_LOG:" >&2
  tail -n 25 "$CONTAINERS_ENGINE_LOG" >&2 2>/dev/null || true
}

if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  # The packaged docker.service starts "dockerd -H fd://", and dockerd refuses -H together with "hosts" in
  # daemon.json: a drop-in replaces ExecStart (the empty line clears the packaged one), keeping its --containerd.
  containerd_flag=$(systemctl cat docker.service 2>/dev/null | grep -o -- '--containerd=[^ ]*' | head -n 1 || true)
  mkdir -p /etc/systemd/system/docker.service.d
  cat > /etc/systemd/system/docker.service.d/containers.conf <<DROPIN
# Written by the Containers PowerShell module: the engine listens where $daemon_json says.
[Service]
ExecStart=
ExecStart=$dockerd_path --config-file $daemon_json $containerd_flag
DROPIN
  systemctl daemon-reload
  systemctl enable docker.service >/dev/null 2>&1 || true
  if ! systemctl restart docker.service; then
    echo "systemctl restart docker.service failed." >&2
    journalctl -u docker.service -n 25 --no-pager >&2 2>/dev/null || true
    exit 1
  fi
  echo "started: systemd"
else
  # A dockerd this script started before (an earlier provisioning) is stopped first, so the new files take effect.
  if [ -f "$CONTAINERS_ENGINE_PIDFILE" ]; then
    old_pid=$(cat "$CONTAINERS_ENGINE_PIDFILE" 2>/dev/null || true)
    if [ -n "$old_pid" ] && alive "$old_pid"; then
      kill -TERM "$old_pid" 2>/dev/null || true
      waited=0
      while alive "$old_pid" && [ "$waited" -lt 300 ]; do sleep 0.1; waited=$((waited + 1)); done
      if alive "$old_pid"; then
        echo "The running engine (pid $old_pid) did not stop within 30 s." >&2
        exit 1
      fi
    fi
  fi
  mkdir -p "$(dirname "$CONTAINERS_ENGINE_LOG")"
  rm -f "$CONTAINERS_ENGINE_SOCKET"
  # Its own session, and no descriptor of this ssh session: the connection can close while the engine runs on.
  if command -v setsid >/dev/null 2>&1; then detach=setsid; else detach=nohup; fi
  $detach "$dockerd_path" --config-file "$daemon_json" --pidfile "$CONTAINERS_ENGINE_PIDFILE" </dev/null >>"$CONTAINERS_ENGINE_LOG" 2>&1 &
  engine_pid=$!

  step wait-for-engine
  waited=0
  limit=$((CONTAINERS_START_SECONDS * 10))
  while [ ! -S "$CONTAINERS_ENGINE_SOCKET" ]; do
    if ! alive "$engine_pid"; then
      echo "dockerd exited while starting." >&2
      engine_log_tail
      exit 1
    fi
    if [ "$waited" -ge "$limit" ]; then
      echo "dockerd did not open $CONTAINERS_ENGINE_SOCKET within $CONTAINERS_START_SECONDS s." >&2
      engine_log_tail
      exit 1
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  echo "started: detached $engine_pid"
fi
