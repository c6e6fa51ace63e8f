# Removes what provisioning wrote, after the engine was stopped: the TLS files and daemon.json (giving back the host's own
# files kept by keep-originals.sh), the systemd drop-in, the detached engine's pid file and log. The engine package and
# its data stay. Reads CONTAINERS_CONFIG_DIR, CONTAINERS_ENGINE_PIDFILE and CONTAINERS_ENGINE_LOG.

step remove-engine-files
for name in ca.pem server-cert.pem server-key.pem daemon.json; do
  file="$CONTAINERS_CONFIG_DIR/$name"
  rm -f "$file.containers-new"
  if [ -f "$file.containers-original" ]; then
    mv -f "$file.containers-original" "$file"
  else
    rm -f "$file"
  fi
done
rm -f "$CONTAINERS_CONFIG_DIR/.containers-provisioned" "$CONTAINERS_ENGINE_PIDFILE" "$CONTAINERS_ENGINE_LOG"
dropin=/etc/systemd/system/docker.service.d/containers.conf
if [ -f "$dropin" ]; then
  rm -f "$dropin"
  rmdir /etc/systemd/system/docker.service.d 2>/dev/null || true
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    systemctl daemon-reload
  fi
fi
echo "removed: $CONTAINERS_CONFIG_DIR"
