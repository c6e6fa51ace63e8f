# The first contact with a host: proves the login (and sudo, when the script runs through it) works, and tells what the
# server certificate should name besides the address the user gave. Writes "kernel: ...", "fqdn: ..." and
# "addresses: ..." lines to standard output.

step contact-host
printf 'kernel: %s\n' "$(uname -s 2>/dev/null || true)"
printf 'fqdn: %s\n' "$(hostname -f 2>/dev/null || true)"
printf 'addresses: %s\n' "$(hostname -I 2>/dev/null || true)"
