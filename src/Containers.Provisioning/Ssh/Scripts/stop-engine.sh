# Stops the engine provisioning started: through systemd when the host runs it, else the detached dockerd named by its
# pid file. Reads CONTAINERS_ENGINE_PIDFILE. Writes "stopped: systemd", "stopped: detached PID" or "stopped: not running".

step stop-engine
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  # The socket unit too, or the next connection to /var/run/docker.sock would start the engine again.
  systemctl stop docker.socket >/dev/null 2>&1 || true
  systemctl stop docker.service
  echo "stopped: systemd"
else
  engine_pid=$(cat "$CONTAINERS_ENGINE_PIDFILE" 2>/dev/null || true)
  if [ -n "$engine_pid" ] && [ -d "/proc/$engine_pid" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$engine_pid/status" 2>/dev/null; then
    kill -TERM "$engine_pid" 2>/dev/null || true
    waited=0
    while [ -d "/proc/$engine_pid" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$engine_pid/status" 2>/dev/null; do
      if [ "$waited" -ge 300 ]; then
        echo "The engine (pid $engine_pid) did not stop within 30 s." >&2
        exit 1
      fi
      sleep 0.1
      waited=$((waited + 1))
    done
    echo "stopped: detached $engine_pid"
  else
    echo "stopped: not running"
  fi
fi
