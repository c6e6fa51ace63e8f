# Keeps copies of the host's own engine files from before the module first provisioned it, so that removing the host
# gives them back. Only the first provisioning keeps them (it leaves a marker): a later one must not keep the module's own
# files as the originals. Reads CONTAINERS_CONFIG_DIR.

if [ ! -e "$CONTAINERS_CONFIG_DIR/.containers-provisioned" ]; then
  mkdir -p "$CONTAINERS_CONFIG_DIR"
  for name in ca.pem server-cert.pem server-key.pem daemon.json; do
    if [ -f "$CONTAINERS_CONFIG_DIR/$name" ] && [ ! -e "$CONTAINERS_CONFIG_DIR/$name.containers-original" ]; then
      cp -p "$CONTAINERS_CONFIG_DIR/$name" "$CONTAINERS_CONFIG_DIR/$name.containers-original"
    fi
  done
  : > "$CONTAINERS_CONFIG_DIR/.containers-provisioned"
fi
