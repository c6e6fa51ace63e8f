# Tells whether the engine provisioning started runs: "engine: running" or "engine: stopped". Reads
# CONTAINERS_ENGINE_PIDFILE. Needs no root.

step engine-status
if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
  if systemctl is-active --quiet docker.service; then echo "engine: running"; else echo "engine: stopped"; fi
else
  engine_pid=$(cat "$CONTAINERS_ENGINE_PIDFILE" 2>/dev/null || true)
  if [ -n "$engine_pid" ] && [ -d "/proc/$engine_pid" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$engine_pid/status" 2>/dev/null; then
    echo "engine: running"
  else
    echo "engine: stopped"
  fi
fi
